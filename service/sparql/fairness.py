"""How many queries one client may have in flight at `/sparql`, so no single client holds every worker.

A client is its address as the HTTP server sees it (behind a proxy, start the service with
uvicorn's `--proxy-headers` and `--forwarded-allow-ips` so it is the real client's). Beyond the
limit the answer is 429 with Retry-After; the slot is given back when the answer has been sent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator


class ClientSlots:
    """A counter of queries in flight per client, with a fixed limit each."""

    def __init__(self, per_client: int) -> None:
        self.per_client = per_client
        self._in_flight: Counter[str] = Counter()

    def take(self, client: str) -> bool:
        """Claim a slot for `client`; False if it already has `per_client` queries in flight."""
        if self._in_flight[client] >= self.per_client:
            return False
        self._in_flight[client] += 1
        return True

    def give(self, client: str) -> None:
        self._in_flight[client] -= 1
        if self._in_flight[client] <= 0:
            del self._in_flight[client]

    async def held_while(self, client: str, body: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
        """`body`, giving the client's slot back when it ends, fails or is abandoned."""
        try:
            async for chunk in body:
                yield chunk
        finally:
            self.give(client)
