// @billing/topology — the distributed topology on one machine: five processes from a build,
// started, killed (-9) and restarted by name (`npm run start:distributed`, apps/e2e).
export { consecutivePorts, PROCESSES, Topology, type ProcessName, type TopologyOptions } from './topology.js';
