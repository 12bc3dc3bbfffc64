export { assignConversation } from './assign';
export { runAssignment } from './run';
export { requestAssignment, requestAssignmentForAgent } from './request';
export { lastAgentWithRoom, agentLoad, assertRoom } from './capacity';
export { lockAssignments } from './lock';
export { findTeamsWithWaitingWork } from './teams-with-work';
