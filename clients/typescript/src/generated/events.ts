import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Event as _dhcplane_v1_Event, Event__Output as _dhcplane_v1_Event__Output } from './dhcplane/v1/Event';
import type { EventsClient as _dhcplane_v1_EventsClient, EventsDefinition as _dhcplane_v1_EventsDefinition } from './dhcplane/v1/Events';
import type { WatchRequest as _dhcplane_v1_WatchRequest, WatchRequest__Output as _dhcplane_v1_WatchRequest__Output } from './dhcplane/v1/WatchRequest';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dhcplane: {
    v1: {
      Event: MessageTypeDefinition<_dhcplane_v1_Event, _dhcplane_v1_Event__Output>
      EventKind: EnumTypeDefinition
      /**
       * Events: every lease transition, every provisioning change and the
       * server's lifecycle, in one ordered stream.
       */
      Events: SubtypeConstructor<typeof grpc.Client, _dhcplane_v1_EventsClient> & { service: _dhcplane_v1_EventsDefinition }
      WatchRequest: MessageTypeDefinition<_dhcplane_v1_WatchRequest, _dhcplane_v1_WatchRequest__Output>
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

