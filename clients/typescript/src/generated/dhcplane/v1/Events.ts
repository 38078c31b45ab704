// Original file: proto/dhcplane/v1/events.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Event as _dhcplane_v1_Event, Event__Output as _dhcplane_v1_Event__Output } from '../../dhcplane/v1/Event';
import type { WatchRequest as _dhcplane_v1_WatchRequest, WatchRequest__Output as _dhcplane_v1_WatchRequest__Output } from '../../dhcplane/v1/WatchRequest';

/**
 * Events: every lease transition, every provisioning change and the
 * server's lifecycle, in one ordered stream.
 */
export interface EventsClient extends grpc.Client {
  /**
   * Streams events as they happen. With `since`, first replays the
   * persisted events after that cursor, then continues live, with no gap and
   * no duplicate at the seam. A subscriber that falls too far behind gets
   * RESOURCE_EXHAUSTED naming the cursor to resume from; a `since` older
   * than retention gets OUT_OF_RANGE naming the oldest cursor kept.
   */
  Watch(argument: _dhcplane_v1_WatchRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_dhcplane_v1_Event__Output>;
  Watch(argument: _dhcplane_v1_WatchRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_dhcplane_v1_Event__Output>;
  /**
   * Streams events as they happen. With `since`, first replays the
   * persisted events after that cursor, then continues live, with no gap and
   * no duplicate at the seam. A subscriber that falls too far behind gets
   * RESOURCE_EXHAUSTED naming the cursor to resume from; a `since` older
   * than retention gets OUT_OF_RANGE naming the oldest cursor kept.
   */
  watch(argument: _dhcplane_v1_WatchRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_dhcplane_v1_Event__Output>;
  watch(argument: _dhcplane_v1_WatchRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_dhcplane_v1_Event__Output>;
  
}

/**
 * Events: every lease transition, every provisioning change and the
 * server's lifecycle, in one ordered stream.
 */
export interface EventsHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Streams events as they happen. With `since`, first replays the
   * persisted events after that cursor, then continues live, with no gap and
   * no duplicate at the seam. A subscriber that falls too far behind gets
   * RESOURCE_EXHAUSTED naming the cursor to resume from; a `since` older
   * than retention gets OUT_OF_RANGE naming the oldest cursor kept.
   */
  Watch: grpc.handleServerStreamingCall<_dhcplane_v1_WatchRequest__Output, _dhcplane_v1_Event>;
  
}

export interface EventsDefinition extends grpc.ServiceDefinition {
  Watch: MethodDefinition<_dhcplane_v1_WatchRequest, _dhcplane_v1_Event, _dhcplane_v1_WatchRequest__Output, _dhcplane_v1_Event__Output>
}
