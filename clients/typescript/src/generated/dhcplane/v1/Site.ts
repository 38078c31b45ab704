// Original file: proto/dhcplane/v1/site.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ApplySiteRequest as _dhcplane_v1_ApplySiteRequest, ApplySiteRequest__Output as _dhcplane_v1_ApplySiteRequest__Output } from '../../dhcplane/v1/ApplySiteRequest';
import type { ApplySiteResponse as _dhcplane_v1_ApplySiteResponse, ApplySiteResponse__Output as _dhcplane_v1_ApplySiteResponse__Output } from '../../dhcplane/v1/ApplySiteResponse';
import type { ExportSiteRequest as _dhcplane_v1_ExportSiteRequest, ExportSiteRequest__Output as _dhcplane_v1_ExportSiteRequest__Output } from '../../dhcplane/v1/ExportSiteRequest';
import type { SiteDocument as _dhcplane_v1_SiteDocument, SiteDocument__Output as _dhcplane_v1_SiteDocument__Output } from '../../dhcplane/v1/SiteDocument';

/**
 * Site: the whole provisioning state (subnets with their pools,
 * reservations and options, and the global options) as one document, read
 * with Export and brought about with Apply.
 */
export interface SiteClient extends grpc.Client {
  /**
   * Brings the store to the state `site` describes in one transaction and
   * returns the plan it carried out. Every invalid object is reported at
   * once (INVALID_ARGUMENT, one "path: problem" line each, paths like
   * "subnets[0].reservations[3].ip") and nothing changes.
   */
  ApplySite(argument: _dhcplane_v1_ApplySiteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ApplySiteResponse__Output>): grpc.ClientUnaryCall;
  ApplySite(argument: _dhcplane_v1_ApplySiteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ApplySiteResponse__Output>): grpc.ClientUnaryCall;
  ApplySite(argument: _dhcplane_v1_ApplySiteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ApplySiteResponse__Output>): grpc.ClientUnaryCall;
  ApplySite(argument: _dhcplane_v1_ApplySiteRequest, callback: grpc.requestCallback<_dhcplane_v1_ApplySiteResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Brings the store to the state `site` describes in one transaction and
   * returns the plan it carried out. Every invalid object is reported at
   * once (INVALID_ARGUMENT, one "path: problem" line each, paths like
   * "subnets[0].reservations[3].ip") and nothing changes.
   */
  applySite(argument: _dhcplane_v1_ApplySiteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ApplySiteResponse__Output>): grpc.ClientUnaryCall;
  applySite(argument: _dhcplane_v1_ApplySiteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ApplySiteResponse__Output>): grpc.ClientUnaryCall;
  applySite(argument: _dhcplane_v1_ApplySiteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ApplySiteResponse__Output>): grpc.ClientUnaryCall;
  applySite(argument: _dhcplane_v1_ApplySiteRequest, callback: grpc.requestCallback<_dhcplane_v1_ApplySiteResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The current state in the shape ApplySite takes: applying it to an empty
   * store reproduces the state exactly.
   */
  ExportSite(argument: _dhcplane_v1_ExportSiteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_SiteDocument__Output>): grpc.ClientUnaryCall;
  ExportSite(argument: _dhcplane_v1_ExportSiteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_SiteDocument__Output>): grpc.ClientUnaryCall;
  ExportSite(argument: _dhcplane_v1_ExportSiteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_SiteDocument__Output>): grpc.ClientUnaryCall;
  ExportSite(argument: _dhcplane_v1_ExportSiteRequest, callback: grpc.requestCallback<_dhcplane_v1_SiteDocument__Output>): grpc.ClientUnaryCall;
  /**
   * The current state in the shape ApplySite takes: applying it to an empty
   * store reproduces the state exactly.
   */
  exportSite(argument: _dhcplane_v1_ExportSiteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_SiteDocument__Output>): grpc.ClientUnaryCall;
  exportSite(argument: _dhcplane_v1_ExportSiteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_SiteDocument__Output>): grpc.ClientUnaryCall;
  exportSite(argument: _dhcplane_v1_ExportSiteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_SiteDocument__Output>): grpc.ClientUnaryCall;
  exportSite(argument: _dhcplane_v1_ExportSiteRequest, callback: grpc.requestCallback<_dhcplane_v1_SiteDocument__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Site: the whole provisioning state (subnets with their pools,
 * reservations and options, and the global options) as one document, read
 * with Export and brought about with Apply.
 */
export interface SiteHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Brings the store to the state `site` describes in one transaction and
   * returns the plan it carried out. Every invalid object is reported at
   * once (INVALID_ARGUMENT, one "path: problem" line each, paths like
   * "subnets[0].reservations[3].ip") and nothing changes.
   */
  ApplySite: grpc.handleUnaryCall<_dhcplane_v1_ApplySiteRequest__Output, _dhcplane_v1_ApplySiteResponse>;
  
  /**
   * The current state in the shape ApplySite takes: applying it to an empty
   * store reproduces the state exactly.
   */
  ExportSite: grpc.handleUnaryCall<_dhcplane_v1_ExportSiteRequest__Output, _dhcplane_v1_SiteDocument>;
  
}

export interface SiteDefinition extends grpc.ServiceDefinition {
  ApplySite: MethodDefinition<_dhcplane_v1_ApplySiteRequest, _dhcplane_v1_ApplySiteResponse, _dhcplane_v1_ApplySiteRequest__Output, _dhcplane_v1_ApplySiteResponse__Output>
  ExportSite: MethodDefinition<_dhcplane_v1_ExportSiteRequest, _dhcplane_v1_SiteDocument, _dhcplane_v1_ExportSiteRequest__Output, _dhcplane_v1_SiteDocument__Output>
}
