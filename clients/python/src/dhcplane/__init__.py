"""Python client for the dhcplane gRPC API.

The stubs and messages, generated from ``proto/dhcplane/v1``, are in
:mod:`dhcplane.v1` (``subnets_pb2``, ``subnets_pb2_grpc``, ...).
:func:`connect` opens one channel, plaintext or TLS, with an optional
bearer token, and returns a :class:`Client` holding a stub per service.
"""

from dhcplane.client import DEFAULT_TARGET, Client, connect

__all__ = ["DEFAULT_TARGET", "Client", "connect"]
