import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { DeleteOptionRequest as _dhcplane_v1_DeleteOptionRequest, DeleteOptionRequest__Output as _dhcplane_v1_DeleteOptionRequest__Output } from './dhcplane/v1/DeleteOptionRequest';
import type { DeleteOptionResponse as _dhcplane_v1_DeleteOptionResponse, DeleteOptionResponse__Output as _dhcplane_v1_DeleteOptionResponse__Output } from './dhcplane/v1/DeleteOptionResponse';
import type { ListOptionDefinitionsRequest as _dhcplane_v1_ListOptionDefinitionsRequest, ListOptionDefinitionsRequest__Output as _dhcplane_v1_ListOptionDefinitionsRequest__Output } from './dhcplane/v1/ListOptionDefinitionsRequest';
import type { ListOptionDefinitionsResponse as _dhcplane_v1_ListOptionDefinitionsResponse, ListOptionDefinitionsResponse__Output as _dhcplane_v1_ListOptionDefinitionsResponse__Output } from './dhcplane/v1/ListOptionDefinitionsResponse';
import type { ListOptionsRequest as _dhcplane_v1_ListOptionsRequest, ListOptionsRequest__Output as _dhcplane_v1_ListOptionsRequest__Output } from './dhcplane/v1/ListOptionsRequest';
import type { ListOptionsResponse as _dhcplane_v1_ListOptionsResponse, ListOptionsResponse__Output as _dhcplane_v1_ListOptionsResponse__Output } from './dhcplane/v1/ListOptionsResponse';
import type { OptionDefinition as _dhcplane_v1_OptionDefinition, OptionDefinition__Output as _dhcplane_v1_OptionDefinition__Output } from './dhcplane/v1/OptionDefinition';
import type { OptionScope as _dhcplane_v1_OptionScope, OptionScope__Output as _dhcplane_v1_OptionScope__Output } from './dhcplane/v1/OptionScope';
import type { OptionSetting as _dhcplane_v1_OptionSetting, OptionSetting__Output as _dhcplane_v1_OptionSetting__Output } from './dhcplane/v1/OptionSetting';
import type { OptionValue as _dhcplane_v1_OptionValue, OptionValue__Output as _dhcplane_v1_OptionValue__Output } from './dhcplane/v1/OptionValue';
import type { OptionsClient as _dhcplane_v1_OptionsClient, OptionsDefinition as _dhcplane_v1_OptionsDefinition } from './dhcplane/v1/Options';
import type { SetOptionRequest as _dhcplane_v1_SetOptionRequest, SetOptionRequest__Output as _dhcplane_v1_SetOptionRequest__Output } from './dhcplane/v1/SetOptionRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dhcplane: {
    v1: {
      DeleteOptionRequest: MessageTypeDefinition<_dhcplane_v1_DeleteOptionRequest, _dhcplane_v1_DeleteOptionRequest__Output>
      DeleteOptionResponse: MessageTypeDefinition<_dhcplane_v1_DeleteOptionResponse, _dhcplane_v1_DeleteOptionResponse__Output>
      ListOptionDefinitionsRequest: MessageTypeDefinition<_dhcplane_v1_ListOptionDefinitionsRequest, _dhcplane_v1_ListOptionDefinitionsRequest__Output>
      ListOptionDefinitionsResponse: MessageTypeDefinition<_dhcplane_v1_ListOptionDefinitionsResponse, _dhcplane_v1_ListOptionDefinitionsResponse__Output>
      ListOptionsRequest: MessageTypeDefinition<_dhcplane_v1_ListOptionsRequest, _dhcplane_v1_ListOptionsRequest__Output>
      ListOptionsResponse: MessageTypeDefinition<_dhcplane_v1_ListOptionsResponse, _dhcplane_v1_ListOptionsResponse__Output>
      OptionDefinition: MessageTypeDefinition<_dhcplane_v1_OptionDefinition, _dhcplane_v1_OptionDefinition__Output>
      OptionScope: MessageTypeDefinition<_dhcplane_v1_OptionScope, _dhcplane_v1_OptionScope__Output>
      OptionSetting: MessageTypeDefinition<_dhcplane_v1_OptionSetting, _dhcplane_v1_OptionSetting__Output>
      OptionValue: MessageTypeDefinition<_dhcplane_v1_OptionValue, _dhcplane_v1_OptionValue__Output>
      /**
       * Options: DHCP options at global, subnet, pool and reservation scope.
       */
      Options: SubtypeConstructor<typeof grpc.Client, _dhcplane_v1_OptionsClient> & { service: _dhcplane_v1_OptionsDefinition }
      SetOptionRequest: MessageTypeDefinition<_dhcplane_v1_SetOptionRequest, _dhcplane_v1_SetOptionRequest__Output>
    }
  }
}

