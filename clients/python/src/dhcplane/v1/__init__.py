"""dhcplane.v1: messages and stubs generated from proto/dhcplane/v1 by
clients/generate.sh. Do not edit; regenerate."""
