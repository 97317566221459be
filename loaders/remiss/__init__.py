"""Remiss responses of any responder: who answered, which SOU, and the position per proposal."""
