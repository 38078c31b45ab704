import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { GetStatusRequest as _dhcplane_v1_GetStatusRequest, GetStatusRequest__Output as _dhcplane_v1_GetStatusRequest__Output } from './dhcplane/v1/GetStatusRequest';
import type { ServerClient as _dhcplane_v1_ServerClient, ServerDefinition as _dhcplane_v1_ServerDefinition } from './dhcplane/v1/Server';
import type { Status as _dhcplane_v1_Status, Status__Output as _dhcplane_v1_Status__Output } from './dhcplane/v1/Status';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dhcplane: {
    v1: {
      GetStatusRequest: MessageTypeDefinition<_dhcplane_v1_GetStatusRequest, _dhcplane_v1_GetStatusRequest__Output>
      /**
       * Server: health, version, store and counts.
       */
      Server: SubtypeConstructor<typeof grpc.Client, _dhcplane_v1_ServerClient> & { service: _dhcplane_v1_ServerDefinition }
      Status: MessageTypeDefinition<_dhcplane_v1_Status, _dhcplane_v1_Status__Output>
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

