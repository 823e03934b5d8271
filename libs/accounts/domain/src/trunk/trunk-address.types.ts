// IPBX trunks by source IP: the addresses (single IPs or CIDR networks) from which a customer's
// PBX sends calls without registering, each optionally with the tech prefix the PBX dials first
// when several accounts share the address. ITC alone registers and removes them.
import type { Audit, CommandMeta } from '../shared/command-meta.js';

export interface TrunkAddress {
  /** canonical CIDR ("203.0.113.0/24", "203.0.113.7/32", "2001:db8::/48"). */
  network: string;
  /** digits (and * #) the PBX puts before the destination; null = none. */
  techPrefix: string | null;
}

export interface AddTrunkAddress {
  type: 'AddTrunkAddress';
  customerId: string;
  /** an address or CIDR network, as typed (normalised by the decision). */
  address: string;
  techPrefix: string | null;
  meta: CommandMeta;
}

export interface RemoveTrunkAddress {
  type: 'RemoveTrunkAddress';
  customerId: string;
  address: string;
  techPrefix: string | null;
  meta: CommandMeta;
}

export type TrunkAddressCommand = AddTrunkAddress | RemoveTrunkAddress;

export interface TrunkAddressAdded extends TrunkAddress, Audit {
  type: 'TrunkAddressAdded';
  customerId: string;
}

export interface TrunkAddressRemoved extends TrunkAddress, Audit {
  type: 'TrunkAddressRemoved';
  customerId: string;
}

export type TrunkAddressEvent = TrunkAddressAdded | TrunkAddressRemoved;
