"""Arrow arrays read as numpy from their buffers, without pyarrow's pandas shim.

pyarrow imports pandas (about 0.3 s of CPU) the first time it converts between Arrow and
Python or numpy objects (`Array.to_numpy`, `pa.array`, a Python scalar in a compute
call), whether pandas is wanted or not; a streamed Parquet run needs nothing of pandas
otherwise.  These read the validity bitmap and the values of the fixed-width and boolean
arrays the streaming path and the engine's id sort meet directly, as `np.frombuffer`
views, and make int64 arrays from numpy the same way.  Imports numpy; pyarrow where used.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

BoolArray = npt.NDArray[np.bool_]


def valid(array: Any) -> BoolArray:
    """Which slots of an Arrow array hold a value (not null)."""
    count = len(array)
    if array.null_count == 0:
        return np.ones(count, dtype=bool)
    return _bits(array.buffers()[0], array.offset, count)


def flags(array: Any) -> BoolArray:
    """The values of an Arrow boolean array (a null slot's bit is whatever it holds)."""
    return _bits(array.buffers()[1], array.offset, len(array))


def numbers(array: Any) -> npt.NDArray[Any]:
    """The values of a fixed-width Arrow integer or float array, as a read-only view (a
    null slot holds whatever it holds: combine with `valid`)."""
    import pyarrow as pa

    kind = array.type
    width = kind.bit_width
    if pa.types.is_floating(kind):
        dtype = np.dtype(f"float{width}")
    elif pa.types.is_integer(kind):
        dtype = np.dtype(f"{'u' if pa.types.is_unsigned_integer(kind) else ''}int{width}")
    else:
        raise TypeError(f"not a fixed-width number array: {kind}")
    return np.frombuffer(array.buffers()[1], dtype=dtype, count=len(array),
                         offset=array.offset * dtype.itemsize)


def _bits(buffer: Any, offset: int, count: int) -> BoolArray:
    if count == 0:
        return np.zeros(0, dtype=bool)
    packed = np.frombuffer(buffer, dtype=np.uint8)
    return np.unpackbits(packed, count=offset + count, bitorder="little")[offset:].astype(bool)


def int64s(values: npt.NDArray[Any]) -> Any:
    """Numbers (positions) as an Arrow int64 array, built from their buffer."""
    import pyarrow as pa

    data = np.ascontiguousarray(values, dtype=np.int64)
    return pa.Array.from_buffers(pa.int64(), len(data), [None, pa.py_buffer(data)])
