/** The dialer modes, by the name the scenario gives them: one line per mode. */
import type { CampaignConfig } from '../../scenario/scenario-schema';
import type { DialerModeClass } from './dialer-mode';
import { PreviewMode } from './preview-mode';
import { ProgressiveMode } from './progressive-mode';
import { PredictiveMode } from './predictive-mode';

export const DIALER_MODES: Record<CampaignConfig['mode'], DialerModeClass> = {
  preview: PreviewMode,
  progressive: ProgressiveMode,
  predictive: PredictiveMode,
};
