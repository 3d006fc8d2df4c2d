/**
 * Colours of the scene. Agent states and caller fates use the Okabe–Ito palette, which stays
 * distinguishable under the common colour-vision deficiencies; every state also has its own icon,
 * so nothing depends on colour alone.
 */

export const OKABE_ITO = {
  black: 0x000000,
  orange: 0xe69f00,
  skyBlue: 0x56b4e9,
  bluishGreen: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  reddishPurple: 0xcc79a7,
} as const;

/** Every agent state the product knows; the voice model uses idle, talking and acw so far. */
export type DisplayAgentState =
  | 'idle'
  | 'ringing'
  | 'talking'
  | 'hold'
  | 'acw'
  | 'preview'
  | 'dialing'
  | 'break'
  | 'offline'
  | 'backoffice';

export const STATE_COLOURS: Readonly<Record<DisplayAgentState, number>> = {
  idle: OKABE_ITO.bluishGreen,
  ringing: OKABE_ITO.yellow,
  talking: OKABE_ITO.blue,
  hold: OKABE_ITO.reddishPurple,
  acw: OKABE_ITO.orange,
  preview: OKABE_ITO.skyBlue,
  dialing: OKABE_ITO.skyBlue,
  break: 0x9aa3ad,
  offline: 0x4b5563,
  backoffice: 0x8c6bb1,
};

/**
 * The drawn state of a model agent state. The voice model's states are wider than the drawing's
 * (a reserved agent is shown ringing, outbound talk as talking); an unknown state is drawn as
 * offline rather than guessed.
 */
export function toDisplayState(state: string): DisplayAgentState {
  switch (state) {
    case 'reserved':
      return 'ringing';
    case 'previewing':
      return 'preview';
    case 'outbound-talk':
      return 'talking';
    case 'back-office':
      return 'backoffice';
    default:
      return state in STATE_COLOURS ? (state as DisplayAgentState) : 'offline';
  }
}

/** Every drawn state, in legend and wallboard order. */
export const DISPLAY_STATES: readonly DisplayAgentState[] = ['idle', 'ringing', 'talking', 'hold', 'acw', 'preview', 'dialing', 'break', 'backoffice', 'offline'];

/** The icon file (assets/icon-*.svg) for each state. */
export const STATE_ICONS: Readonly<Record<DisplayAgentState, string>> = {
  idle: 'icon-idle',
  ringing: 'icon-ringing',
  talking: 'icon-talking',
  hold: 'icon-hold',
  acw: 'icon-acw',
  preview: 'icon-preview',
  dialing: 'icon-dialing',
  break: 'icon-break',
  offline: 'icon-offline',
  backoffice: 'icon-backoffice',
};

/** Caller tokens: wait within the SL threshold, beyond it, far beyond it; abandon; busy signal. */
export const CALLER_COLOURS = {
  waitShort: OKABE_ITO.skyBlue,
  waitLong: OKABE_ITO.orange,
  waitVeryLong: OKABE_ITO.vermillion,
  abandoned: OKABE_ITO.vermillion,
  blocked: OKABE_ITO.vermillion,
  /** A callback: the caller left a number and keeps a place in the line, off the line. */
  callback: OKABE_ITO.reddishPurple,
} as const;

/** Back-office age against due time. */
export const AGE_COLOURS = {
  onTime: OKABE_ITO.bluishGreen,
  atRisk: OKABE_ITO.orange,
  late: OKABE_ITO.vermillion,
} as const;

export const SCENE_COLOURS = {
  background: 0x111827,
  street: 0x8a96a3,
  streetLine: 0xd5dbe1,
  wall: 0x1f2a37,
  roof: 0x2f3e4e,
  voiceFloor: 0xdde4ea,
  voiceFloorTile: 0xd1d9e0,
  backOfficeFloor: 0xe8e0d2,
  backOfficeFloorTile: 0xddd3c2,
  lane: 0xc5ced7,
  laneEdge: 0x8794a3,
  lampOff: 0x4b5563,
  lampOn: OKABE_ITO.yellow,
  text: 0x1f2a37,
  textLight: 0xf7f7f2,
  door: 0x9c7d5a,
  dim: 0x0b1220,
} as const;

export function cssHex(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}
