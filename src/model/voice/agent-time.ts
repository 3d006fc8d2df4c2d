/**
 * The layout of `VoiceState.agentTime`: per agent, TIME_SLOTS doubles starting at `agent.slot`,
 * unboxed, contiguous and off the agent objects the hot path reads. They hold the start of the
 * agent's current contact, the handling and talk seconds since the last interval end, and the
 * same for back-office work (start, seconds) while the agent blends.
 */
export const SINCE = 0;
export const HANDLING = 1;
export const TALK = 2;
export const BACK_OFFICE_SINCE = 3;
export const BACK_OFFICE = 4;
export const TIME_SLOTS = 5;
