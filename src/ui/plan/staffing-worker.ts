/** The Web Worker the Plan view runs the staffing optimiser in (app/plan-staffing.ts). */
import { solveStaffing, type StaffingRequest } from '../../app/plan-staffing';

self.onmessage = (event: MessageEvent<StaffingRequest>) => solveStaffing(event.data, (message) => self.postMessage(message));
