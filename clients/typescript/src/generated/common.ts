import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { OptionScope as _dhcplane_v1_OptionScope, OptionScope__Output as _dhcplane_v1_OptionScope__Output } from './dhcplane/v1/OptionScope';
import type { OptionSetting as _dhcplane_v1_OptionSetting, OptionSetting__Output as _dhcplane_v1_OptionSetting__Output } from './dhcplane/v1/OptionSetting';
import type { OptionValue as _dhcplane_v1_OptionValue, OptionValue__Output as _dhcplane_v1_OptionValue__Output } from './dhcplane/v1/OptionValue';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dhcplane: {
    v1: {
      OptionScope: MessageTypeDefinition<_dhcplane_v1_OptionScope, _dhcplane_v1_OptionScope__Output>
      OptionSetting: MessageTypeDefinition<_dhcplane_v1_OptionSetting, _dhcplane_v1_OptionSetting__Output>
      OptionValue: MessageTypeDefinition<_dhcplane_v1_OptionValue, _dhcplane_v1_OptionValue__Output>
    }
  }
}

