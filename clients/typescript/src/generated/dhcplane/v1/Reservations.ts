// Original file: proto/dhcplane/v1/reservations.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateReservationRequest as _dhcplane_v1_CreateReservationRequest, CreateReservationRequest__Output as _dhcplane_v1_CreateReservationRequest__Output } from '../../dhcplane/v1/CreateReservationRequest';
import type { DeleteReservationRequest as _dhcplane_v1_DeleteReservationRequest, DeleteReservationRequest__Output as _dhcplane_v1_DeleteReservationRequest__Output } from '../../dhcplane/v1/DeleteReservationRequest';
import type { DeleteReservationResponse as _dhcplane_v1_DeleteReservationResponse, DeleteReservationResponse__Output as _dhcplane_v1_DeleteReservationResponse__Output } from '../../dhcplane/v1/DeleteReservationResponse';
import type { GetReservationRequest as _dhcplane_v1_GetReservationRequest, GetReservationRequest__Output as _dhcplane_v1_GetReservationRequest__Output } from '../../dhcplane/v1/GetReservationRequest';
import type { ListReservationsRequest as _dhcplane_v1_ListReservationsRequest, ListReservationsRequest__Output as _dhcplane_v1_ListReservationsRequest__Output } from '../../dhcplane/v1/ListReservationsRequest';
import type { ListReservationsResponse as _dhcplane_v1_ListReservationsResponse, ListReservationsResponse__Output as _dhcplane_v1_ListReservationsResponse__Output } from '../../dhcplane/v1/ListReservationsResponse';
import type { Reservation as _dhcplane_v1_Reservation, Reservation__Output as _dhcplane_v1_Reservation__Output } from '../../dhcplane/v1/Reservation';
import type { UpdateReservationRequest as _dhcplane_v1_UpdateReservationRequest, UpdateReservationRequest__Output as _dhcplane_v1_UpdateReservationRequest__Output } from '../../dhcplane/v1/UpdateReservationRequest';

/**
 * Reservations: a fixed address for a client known by MAC and/or client-id.
 */
export interface ReservationsClient extends grpc.Client {
  /**
   * Reserves an address for a client, with options for it alone.
   */
  CreateReservation(argument: _dhcplane_v1_CreateReservationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  CreateReservation(argument: _dhcplane_v1_CreateReservationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  CreateReservation(argument: _dhcplane_v1_CreateReservationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  CreateReservation(argument: _dhcplane_v1_CreateReservationRequest, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  /**
   * Reserves an address for a client, with options for it alone.
   */
  createReservation(argument: _dhcplane_v1_CreateReservationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  createReservation(argument: _dhcplane_v1_CreateReservationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  createReservation(argument: _dhcplane_v1_CreateReservationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  createReservation(argument: _dhcplane_v1_CreateReservationRequest, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a reservation and its options.
   */
  DeleteReservation(argument: _dhcplane_v1_DeleteReservationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_DeleteReservationResponse__Output>): grpc.ClientUnaryCall;
  DeleteReservation(argument: _dhcplane_v1_DeleteReservationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_DeleteReservationResponse__Output>): grpc.ClientUnaryCall;
  DeleteReservation(argument: _dhcplane_v1_DeleteReservationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_DeleteReservationResponse__Output>): grpc.ClientUnaryCall;
  DeleteReservation(argument: _dhcplane_v1_DeleteReservationRequest, callback: grpc.requestCallback<_dhcplane_v1_DeleteReservationResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a reservation and its options.
   */
  deleteReservation(argument: _dhcplane_v1_DeleteReservationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_DeleteReservationResponse__Output>): grpc.ClientUnaryCall;
  deleteReservation(argument: _dhcplane_v1_DeleteReservationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_DeleteReservationResponse__Output>): grpc.ClientUnaryCall;
  deleteReservation(argument: _dhcplane_v1_DeleteReservationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_DeleteReservationResponse__Output>): grpc.ClientUnaryCall;
  deleteReservation(argument: _dhcplane_v1_DeleteReservationRequest, callback: grpc.requestCallback<_dhcplane_v1_DeleteReservationResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A reservation by id or address.
   */
  GetReservation(argument: _dhcplane_v1_GetReservationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  GetReservation(argument: _dhcplane_v1_GetReservationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  GetReservation(argument: _dhcplane_v1_GetReservationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  GetReservation(argument: _dhcplane_v1_GetReservationRequest, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  /**
   * A reservation by id or address.
   */
  getReservation(argument: _dhcplane_v1_GetReservationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  getReservation(argument: _dhcplane_v1_GetReservationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  getReservation(argument: _dhcplane_v1_GetReservationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  getReservation(argument: _dhcplane_v1_GetReservationRequest, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  
  /**
   * Reservations in id order, filtered and paged.
   */
  ListReservations(argument: _dhcplane_v1_ListReservationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListReservationsResponse__Output>): grpc.ClientUnaryCall;
  ListReservations(argument: _dhcplane_v1_ListReservationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListReservationsResponse__Output>): grpc.ClientUnaryCall;
  ListReservations(argument: _dhcplane_v1_ListReservationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListReservationsResponse__Output>): grpc.ClientUnaryCall;
  ListReservations(argument: _dhcplane_v1_ListReservationsRequest, callback: grpc.requestCallback<_dhcplane_v1_ListReservationsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Reservations in id order, filtered and paged.
   */
  listReservations(argument: _dhcplane_v1_ListReservationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListReservationsResponse__Output>): grpc.ClientUnaryCall;
  listReservations(argument: _dhcplane_v1_ListReservationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListReservationsResponse__Output>): grpc.ClientUnaryCall;
  listReservations(argument: _dhcplane_v1_ListReservationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListReservationsResponse__Output>): grpc.ClientUnaryCall;
  listReservations(argument: _dhcplane_v1_ListReservationsRequest, callback: grpc.requestCallback<_dhcplane_v1_ListReservationsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Changes a reservation; fields left unset keep their values.
   */
  UpdateReservation(argument: _dhcplane_v1_UpdateReservationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  UpdateReservation(argument: _dhcplane_v1_UpdateReservationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  UpdateReservation(argument: _dhcplane_v1_UpdateReservationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  UpdateReservation(argument: _dhcplane_v1_UpdateReservationRequest, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  /**
   * Changes a reservation; fields left unset keep their values.
   */
  updateReservation(argument: _dhcplane_v1_UpdateReservationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  updateReservation(argument: _dhcplane_v1_UpdateReservationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  updateReservation(argument: _dhcplane_v1_UpdateReservationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  updateReservation(argument: _dhcplane_v1_UpdateReservationRequest, callback: grpc.requestCallback<_dhcplane_v1_Reservation__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Reservations: a fixed address for a client known by MAC and/or client-id.
 */
export interface ReservationsHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Reserves an address for a client, with options for it alone.
   */
  CreateReservation: grpc.handleUnaryCall<_dhcplane_v1_CreateReservationRequest__Output, _dhcplane_v1_Reservation>;
  
  /**
   * Deletes a reservation and its options.
   */
  DeleteReservation: grpc.handleUnaryCall<_dhcplane_v1_DeleteReservationRequest__Output, _dhcplane_v1_DeleteReservationResponse>;
  
  /**
   * A reservation by id or address.
   */
  GetReservation: grpc.handleUnaryCall<_dhcplane_v1_GetReservationRequest__Output, _dhcplane_v1_Reservation>;
  
  /**
   * Reservations in id order, filtered and paged.
   */
  ListReservations: grpc.handleUnaryCall<_dhcplane_v1_ListReservationsRequest__Output, _dhcplane_v1_ListReservationsResponse>;
  
  /**
   * Changes a reservation; fields left unset keep their values.
   */
  UpdateReservation: grpc.handleUnaryCall<_dhcplane_v1_UpdateReservationRequest__Output, _dhcplane_v1_Reservation>;
  
}

export interface ReservationsDefinition extends grpc.ServiceDefinition {
  CreateReservation: MethodDefinition<_dhcplane_v1_CreateReservationRequest, _dhcplane_v1_Reservation, _dhcplane_v1_CreateReservationRequest__Output, _dhcplane_v1_Reservation__Output>
  DeleteReservation: MethodDefinition<_dhcplane_v1_DeleteReservationRequest, _dhcplane_v1_DeleteReservationResponse, _dhcplane_v1_DeleteReservationRequest__Output, _dhcplane_v1_DeleteReservationResponse__Output>
  GetReservation: MethodDefinition<_dhcplane_v1_GetReservationRequest, _dhcplane_v1_Reservation, _dhcplane_v1_GetReservationRequest__Output, _dhcplane_v1_Reservation__Output>
  ListReservations: MethodDefinition<_dhcplane_v1_ListReservationsRequest, _dhcplane_v1_ListReservationsResponse, _dhcplane_v1_ListReservationsRequest__Output, _dhcplane_v1_ListReservationsResponse__Output>
  UpdateReservation: MethodDefinition<_dhcplane_v1_UpdateReservationRequest, _dhcplane_v1_Reservation, _dhcplane_v1_UpdateReservationRequest__Output, _dhcplane_v1_Reservation__Output>
}
