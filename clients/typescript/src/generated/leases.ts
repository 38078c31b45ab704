import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { GetLeaseRequest as _dhcplane_v1_GetLeaseRequest, GetLeaseRequest__Output as _dhcplane_v1_GetLeaseRequest__Output } from './dhcplane/v1/GetLeaseRequest';
import type { Lease as _dhcplane_v1_Lease, Lease__Output as _dhcplane_v1_Lease__Output } from './dhcplane/v1/Lease';
import type { LeasesClient as _dhcplane_v1_LeasesClient, LeasesDefinition as _dhcplane_v1_LeasesDefinition } from './dhcplane/v1/Leases';
import type { ListLeasesRequest as _dhcplane_v1_ListLeasesRequest, ListLeasesRequest__Output as _dhcplane_v1_ListLeasesRequest__Output } from './dhcplane/v1/ListLeasesRequest';
import type { ListLeasesResponse as _dhcplane_v1_ListLeasesResponse, ListLeasesResponse__Output as _dhcplane_v1_ListLeasesResponse__Output } from './dhcplane/v1/ListLeasesResponse';
import type { ReleaseLeaseRequest as _dhcplane_v1_ReleaseLeaseRequest, ReleaseLeaseRequest__Output as _dhcplane_v1_ReleaseLeaseRequest__Output } from './dhcplane/v1/ReleaseLeaseRequest';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dhcplane: {
    v1: {
      GetLeaseRequest: MessageTypeDefinition<_dhcplane_v1_GetLeaseRequest, _dhcplane_v1_GetLeaseRequest__Output>
      Lease: MessageTypeDefinition<_dhcplane_v1_Lease, _dhcplane_v1_Lease__Output>
      LeaseState: EnumTypeDefinition
      /**
       * Leases: the addresses handed out, as recorded in the store.
       */
      Leases: SubtypeConstructor<typeof grpc.Client, _dhcplane_v1_LeasesClient> & { service: _dhcplane_v1_LeasesDefinition }
      ListLeasesRequest: MessageTypeDefinition<_dhcplane_v1_ListLeasesRequest, _dhcplane_v1_ListLeasesRequest__Output>
      ListLeasesResponse: MessageTypeDefinition<_dhcplane_v1_ListLeasesResponse, _dhcplane_v1_ListLeasesResponse__Output>
      ReleaseLeaseRequest: MessageTypeDefinition<_dhcplane_v1_ReleaseLeaseRequest, _dhcplane_v1_ReleaseLeaseRequest__Output>
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

