/** The scenario schema as JSON Schema, for editors (written to scenarios/schema.json). */
import { z } from 'zod';
import { scenarioSchema } from '../model/scenario/scenario-schema';

export function scenarioJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Kituo scenario',
  };
}
