/** What the round's steps (round-steps.ts, round-board.ts) read from and hand back to the round's view. */
import type { ReadyLesson } from '../../app/lesson-catalog';
import type { Round, RoundSource } from '../../app/round/round';
import type { Standing } from '../../app/round/round-score';
import type { RoundStep } from '../../app/round/round-store';
import type { CatalogEntry } from '../../app/scenario-catalog';
import type { Scenario } from '../../model/scenario/scenario-schema';

export interface RoundHost {
  readonly current: { round: Round; scenario: Scenario | null; lessons: readonly ReadyLesson[]; entries: readonly CatalogEntry[] };
  /** The scenario's currency; null when it gives no costs. */
  readonly currency: string | null;
  readonly running: boolean;
  change(change: Partial<Omit<Round, 'formatVersion' | 'results'>>): void;
  changeSource(source: RoundSource): void;
  addTeam(): void;
  goTo(step: RoundStep): void;
  run(): Promise<void>;
  cancel(): void;
  standings(): Standing[];
  sourceLabel(source: RoundSource): string;
}
