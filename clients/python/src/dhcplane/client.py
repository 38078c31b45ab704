"""One channel to dhcplaned with a stub per service: :func:`connect`."""

from __future__ import annotations

import os
from typing import Any, Optional, Union

import grpc

from dhcplane.v1 import (
    audit_pb2_grpc,
    events_pb2_grpc,
    leases_pb2_grpc,
    options_pb2_grpc,
    pools_pb2_grpc,
    reservations_pb2_grpc,
    server_pb2_grpc,
    site_pb2_grpc,
    subnets_pb2_grpc,
    tokens_pb2_grpc,
)

#: Where dhcplaned's gRPC API listens by default.
DEFAULT_TARGET = "127.0.0.1:6767"

#: PEM material: the bytes themselves, or the path of a file holding them.
Pem = Union[bytes, str, "os.PathLike[str]"]


def _pem(what: str, value: Optional[Pem]) -> Optional[bytes]:
    if value is None or isinstance(value, bytes):
        return value
    try:
        with open(value, "rb") as f:
            return f.read()
    except OSError as e:
        raise ValueError(f"{what}: cannot read {value!s}: {e.strerror}") from e


class _Bearer(
    grpc.UnaryUnaryClientInterceptor,
    grpc.UnaryStreamClientInterceptor,
    grpc.StreamUnaryClientInterceptor,
    grpc.StreamStreamClientInterceptor,
):
    """Adds ``authorization: Bearer TOKEN`` to every call.

    An interceptor rather than call credentials, so that a token also goes
    over a plaintext loopback channel (grpc refuses call credentials there).
    """

    def __init__(self, token: str) -> None:
        self._header = ("authorization", f"Bearer {token}")

    def _with_token(self, details: Any) -> Any:
        metadata = list(details.metadata or [])
        metadata.append(self._header)
        return details._replace(metadata=metadata)

    def intercept_unary_unary(
        self, continuation: Any, client_call_details: Any, request: Any
    ) -> Any:
        return continuation(self._with_token(client_call_details), request)

    def intercept_unary_stream(
        self, continuation: Any, client_call_details: Any, request: Any
    ) -> Any:
        return continuation(self._with_token(client_call_details), request)

    def intercept_stream_unary(
        self, continuation: Any, client_call_details: Any, request_iterator: Any
    ) -> Any:
        return continuation(self._with_token(client_call_details), request_iterator)

    def intercept_stream_stream(
        self, continuation: Any, client_call_details: Any, request_iterator: Any
    ) -> Any:
        return continuation(self._with_token(client_call_details), request_iterator)


class Client:
    """A channel to dhcplaned and one stub per service.

    Use it as a context manager, or call :meth:`close`, to close the
    channel. Calls raise :class:`grpc.RpcError`; ``e.code()`` and
    ``e.details()`` say what went wrong and which field to fix.
    """

    def __init__(self, channel: grpc.Channel) -> None:
        #: The underlying channel, for anything the stubs below do not cover.
        self.channel = channel
        #: Subnets: create, get, list, update, delete.
        self.subnets = subnets_pb2_grpc.SubnetsStub(channel)
        #: Address pools inside subnets.
        self.pools = pools_pb2_grpc.PoolsStub(channel)
        #: Fixed addresses for known clients.
        self.reservations = reservations_pb2_grpc.ReservationsStub(channel)
        #: The addresses handed out.
        self.leases = leases_pb2_grpc.LeasesStub(channel)
        #: DHCP options at every scope.
        self.options = options_pb2_grpc.OptionsStub(channel)
        #: The event stream (``Watch``).
        self.events = events_pb2_grpc.EventsStub(channel)
        #: Declarative apply and export of a whole site.
        self.site = site_pb2_grpc.SiteStub(channel)
        #: The audit log.
        self.audit = audit_pb2_grpc.AuditStub(channel)
        #: API tokens.
        self.tokens = tokens_pb2_grpc.TokensStub(channel)
        #: The daemon's status.
        self.server = server_pb2_grpc.ServerStub(channel)

    def close(self) -> None:
        """Closes the channel; calls in flight are cancelled."""
        self.channel.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def connect(
    target: str = DEFAULT_TARGET,
    *,
    token: Optional[str] = None,
    ca: Optional[Pem] = None,
    cert: Optional[Pem] = None,
    key: Optional[Pem] = None,
    server_name: Optional[str] = None,
) -> Client:
    """Connects to dhcplaned's gRPC API at ``target`` (``HOST:PORT``).

    - ``token``: a bearer token (``dhcplaned token create`` or
      ``dhcpctl token create``), sent with every call.
    - ``ca``: the PEM CA that signed the server's certificate; turns TLS
      on. Without it the channel is plaintext, which dhcplaned serves on
      loopback only unless started with ``--grpc-insecure``.
    - ``cert``, ``key``: a client certificate and its key, for a server
      started with ``--tls-client-ca`` (mutual TLS); they need ``ca``.
    - ``server_name``: the name to check the server's certificate for,
      when it differs from the host in ``target``.

    PEM arguments are bytes or a file path. Connecting is lazy: the first
    call reports an unreachable server (``grpc.StatusCode.UNAVAILABLE``).
    """
    if (cert is None) != (key is None):
        raise ValueError("cert and key: give both (mutual TLS) or neither")
    if cert is not None and ca is None:
        raise ValueError("cert: a client certificate needs ca= (TLS) as well")
    options: list[tuple[str, Any]] = []
    if server_name:
        options.append(("grpc.ssl_target_name_override", server_name))
    if ca is None:
        channel = grpc.insecure_channel(target, options=options)
    else:
        creds = grpc.ssl_channel_credentials(
            root_certificates=_pem("ca", ca),
            private_key=_pem("key", key),
            certificate_chain=_pem("cert", cert),
        )
        channel = grpc.secure_channel(target, creds, options=options)
    if token:
        channel = grpc.intercept_channel(channel, _Bearer(token.strip()))
    return Client(channel)
