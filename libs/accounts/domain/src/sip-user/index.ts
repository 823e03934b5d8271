export type * from './sip-user.types.js';
export { decideSipUser, isSipUserLimit } from './sip-user.decide.js';
export { effectiveCallerId, evolveSipUsers, sipUserOfOpening } from './sip-user.evolve.js';
export { MAX_SIP_USERS, sipUserRejections } from './sip-user.rejections.js';
export {
  furtherSipUsernames,
  isSipUsersPerAccount,
  MAX_SIP_USERS_PER_NEW_ACCOUNT,
  profileSipUserRejections,
  setProfileSipUsers,
  sipUsersPerAccountOf,
  type CustomerProfileSipUsersChanged,
  type SetProfileSipUsers,
} from './profile-sip-users.js';
