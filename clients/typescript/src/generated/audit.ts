import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AuditClient as _dhcplane_v1_AuditClient, AuditDefinition as _dhcplane_v1_AuditDefinition } from './dhcplane/v1/Audit';
import type { AuditEntry as _dhcplane_v1_AuditEntry, AuditEntry__Output as _dhcplane_v1_AuditEntry__Output } from './dhcplane/v1/AuditEntry';
import type { ListAuditRequest as _dhcplane_v1_ListAuditRequest, ListAuditRequest__Output as _dhcplane_v1_ListAuditRequest__Output } from './dhcplane/v1/ListAuditRequest';
import type { ListAuditResponse as _dhcplane_v1_ListAuditResponse, ListAuditResponse__Output as _dhcplane_v1_ListAuditResponse__Output } from './dhcplane/v1/ListAuditResponse';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dhcplane: {
    v1: {
      /**
       * Audit: the record of every provisioning and token change.
       */
      Audit: SubtypeConstructor<typeof grpc.Client, _dhcplane_v1_AuditClient> & { service: _dhcplane_v1_AuditDefinition }
      AuditEntry: MessageTypeDefinition<_dhcplane_v1_AuditEntry, _dhcplane_v1_AuditEntry__Output>
      ListAuditRequest: MessageTypeDefinition<_dhcplane_v1_ListAuditRequest, _dhcplane_v1_ListAuditRequest__Output>
      ListAuditResponse: MessageTypeDefinition<_dhcplane_v1_ListAuditResponse, _dhcplane_v1_ListAuditResponse__Output>
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

