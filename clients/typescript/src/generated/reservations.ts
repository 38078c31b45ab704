import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CreateReservationRequest as _dhcplane_v1_CreateReservationRequest, CreateReservationRequest__Output as _dhcplane_v1_CreateReservationRequest__Output } from './dhcplane/v1/CreateReservationRequest';
import type { DeleteReservationRequest as _dhcplane_v1_DeleteReservationRequest, DeleteReservationRequest__Output as _dhcplane_v1_DeleteReservationRequest__Output } from './dhcplane/v1/DeleteReservationRequest';
import type { DeleteReservationResponse as _dhcplane_v1_DeleteReservationResponse, DeleteReservationResponse__Output as _dhcplane_v1_DeleteReservationResponse__Output } from './dhcplane/v1/DeleteReservationResponse';
import type { GetReservationRequest as _dhcplane_v1_GetReservationRequest, GetReservationRequest__Output as _dhcplane_v1_GetReservationRequest__Output } from './dhcplane/v1/GetReservationRequest';
import type { Labels as _dhcplane_v1_Labels, Labels__Output as _dhcplane_v1_Labels__Output } from './dhcplane/v1/Labels';
import type { ListReservationsRequest as _dhcplane_v1_ListReservationsRequest, ListReservationsRequest__Output as _dhcplane_v1_ListReservationsRequest__Output } from './dhcplane/v1/ListReservationsRequest';
import type { ListReservationsResponse as _dhcplane_v1_ListReservationsResponse, ListReservationsResponse__Output as _dhcplane_v1_ListReservationsResponse__Output } from './dhcplane/v1/ListReservationsResponse';
import type { OptionScope as _dhcplane_v1_OptionScope, OptionScope__Output as _dhcplane_v1_OptionScope__Output } from './dhcplane/v1/OptionScope';
import type { OptionSetting as _dhcplane_v1_OptionSetting, OptionSetting__Output as _dhcplane_v1_OptionSetting__Output } from './dhcplane/v1/OptionSetting';
import type { OptionValue as _dhcplane_v1_OptionValue, OptionValue__Output as _dhcplane_v1_OptionValue__Output } from './dhcplane/v1/OptionValue';
import type { Reservation as _dhcplane_v1_Reservation, Reservation__Output as _dhcplane_v1_Reservation__Output } from './dhcplane/v1/Reservation';
import type { ReservationsClient as _dhcplane_v1_ReservationsClient, ReservationsDefinition as _dhcplane_v1_ReservationsDefinition } from './dhcplane/v1/Reservations';
import type { UpdateReservationRequest as _dhcplane_v1_UpdateReservationRequest, UpdateReservationRequest__Output as _dhcplane_v1_UpdateReservationRequest__Output } from './dhcplane/v1/UpdateReservationRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dhcplane: {
    v1: {
      CreateReservationRequest: MessageTypeDefinition<_dhcplane_v1_CreateReservationRequest, _dhcplane_v1_CreateReservationRequest__Output>
      DeleteReservationRequest: MessageTypeDefinition<_dhcplane_v1_DeleteReservationRequest, _dhcplane_v1_DeleteReservationRequest__Output>
      DeleteReservationResponse: MessageTypeDefinition<_dhcplane_v1_DeleteReservationResponse, _dhcplane_v1_DeleteReservationResponse__Output>
      GetReservationRequest: MessageTypeDefinition<_dhcplane_v1_GetReservationRequest, _dhcplane_v1_GetReservationRequest__Output>
      Labels: MessageTypeDefinition<_dhcplane_v1_Labels, _dhcplane_v1_Labels__Output>
      ListReservationsRequest: MessageTypeDefinition<_dhcplane_v1_ListReservationsRequest, _dhcplane_v1_ListReservationsRequest__Output>
      ListReservationsResponse: MessageTypeDefinition<_dhcplane_v1_ListReservationsResponse, _dhcplane_v1_ListReservationsResponse__Output>
      OptionScope: MessageTypeDefinition<_dhcplane_v1_OptionScope, _dhcplane_v1_OptionScope__Output>
      OptionSetting: MessageTypeDefinition<_dhcplane_v1_OptionSetting, _dhcplane_v1_OptionSetting__Output>
      OptionValue: MessageTypeDefinition<_dhcplane_v1_OptionValue, _dhcplane_v1_OptionValue__Output>
      Reservation: MessageTypeDefinition<_dhcplane_v1_Reservation, _dhcplane_v1_Reservation__Output>
      /**
       * Reservations: a fixed address for a client known by MAC and/or client-id.
       */
      Reservations: SubtypeConstructor<typeof grpc.Client, _dhcplane_v1_ReservationsClient> & { service: _dhcplane_v1_ReservationsDefinition }
      UpdateReservationRequest: MessageTypeDefinition<_dhcplane_v1_UpdateReservationRequest, _dhcplane_v1_UpdateReservationRequest__Output>
    }
  }
}

