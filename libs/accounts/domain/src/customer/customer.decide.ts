import type { CustomerCommand } from './customer.commands.js';
import type { CustomerEvent } from './customer.events.js';
import type { CustomerState } from './customer.state.js';
import { changeCustomerCreditLimit, changeCustomerRateSheet, changeSipPassword } from './decide/billing.js';
import { addCallerId, approveCallerId, chooseDefaultCallerId, rejectCallerId, removeCallerId } from './decide/caller-ids.js';
import { setFollowMe, setFollowMeEnabled } from './decide/follow-me.js';
import { openCustomer } from './decide/open.js';
import { changeCustomerSettings } from './decide/settings.js';
import { decideSipUser } from '../sip-user/sip-user.decide.js';
import { decideTrunkAddress } from '../trunk/trunk-address.decide.js';
import { setCustomerFeatures } from '../features/features.decide.js';
import { closeCustomer, reactivateCustomer, suspendCustomer } from './decide/status.js';

export function decideCustomer(command: CustomerCommand, state: CustomerState): CustomerEvent[] {
  switch (command.type) {
    case 'OpenCustomer':
      return openCustomer(command, state);
    case 'SuspendCustomer':
      return suspendCustomer(command, state);
    case 'ReactivateCustomer':
      return reactivateCustomer(command, state);
    case 'CloseCustomer':
      return closeCustomer(command, state);
    case 'AddCallerId':
      return addCallerId(command, state);
    case 'ApproveCallerId':
      return approveCallerId(command, state);
    case 'RejectCallerId':
      return rejectCallerId(command, state);
    case 'RemoveCallerId':
      return removeCallerId(command, state);
    case 'ChooseDefaultCallerId':
      return chooseDefaultCallerId(command, state);
    case 'SetFollowMe':
      return setFollowMe(command, state);
    case 'SetFollowMeEnabled':
      return setFollowMeEnabled(command, state);
    case 'ChangeCustomerSettings':
      return changeCustomerSettings(command, state);
    case 'ChangeCustomerRateSheet':
      return changeCustomerRateSheet(command, state);
    case 'ChangeCustomerCreditLimit':
      return changeCustomerCreditLimit(command, state);
    case 'ChangeSipPassword':
      return changeSipPassword(command, state);
    case 'AddSipUser':
    case 'ChangeSipUser':
    case 'RemoveSipUser':
    case 'ChangeSipUserPassword':
      return decideSipUser(command, state);
    case 'AddTrunkAddress':
    case 'RemoveTrunkAddress':
      return decideTrunkAddress(command, state);
    case 'SetCustomerFeatures':
      return setCustomerFeatures(command, state);
  }
}
