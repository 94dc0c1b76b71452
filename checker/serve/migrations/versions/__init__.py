"""One module per revision of the ledger database, oldest first."""
