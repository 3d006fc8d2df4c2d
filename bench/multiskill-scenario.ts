/**
 * The `multiskill-200` benchmark scenario: 200 agents in 4 groups, 4 inbound contact types and
 * one predictive campaign, one day. Inbound groups run near 85–90% occupancy with cross skills at
 * priority 2 and three breaks each inside a day-long shift; the telesales group dials a 60,000
 * record list predictively all day.
 */
import type { Scenario } from '../src/model/scenario/scenario-schema';

const breaks = (offsetMin: number) =>
  [10 * 60, 13 * 60, 16 * 60].map((m, i) => {
    const start = m + offsetMin;
    return { start: `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`, durationMin: i === 1 ? 30 : 15 };
  });

const allDay = (agents: number, offsetMin: number) => [{ agents, start: '00:00', end: '24:00', breaks: breaks(offsetMin) }];

export function multiskillScenario(): Scenario {
  return {
    name: 'multiskill-200',
    days: 1,
    reportIntervalMin: 30,
    serviceLevel: { thresholdSec: 20 },
    queues: [
      {
        id: 'support',
        name: 'Support',
        contactType: { kind: 'support', firstContactResolution: 0.8, repeatDelay: { kind: 'exponential', meanSec: 3600 } },
        arrivals: { ratePerHour: 400 },
        talk: { kind: 'exponential', meanSec: 300 },
        hold: { probability: 0.2, duration: { kind: 'exponential', meanSec: 45 } },
        acw: { kind: 'exponential', meanSec: 30 },
        patience: { kind: 'exponential', meanSec: 180 },
      },
      {
        id: 'enquiries',
        name: 'Enquiries',
        contactType: { kind: 'enquiry' },
        arrivals: { ratePerHour: 880 },
        talk: { kind: 'exponential', meanSec: 140 },
        acw: { kind: 'exponential', meanSec: 20 },
        patience: { kind: 'exponential', meanSec: 150 },
      },
      {
        id: 'orders',
        name: 'Orders',
        contactType: { kind: 'order', orderProbability: 0.6, orderValue: { kind: 'lognormal', mean: 80, cv: 0.5 } },
        arrivals: { ratePerHour: 560 },
        talk: { kind: 'exponential', meanSec: 240 },
        acw: { kind: 'exponential', meanSec: 20 },
        patience: { kind: 'exponential', meanSec: 150 },
      },
      {
        id: 'vip',
        name: 'VIP',
        priority: 5,
        arrivals: { ratePerHour: 40 },
        talk: { kind: 'exponential', meanSec: 400 },
        acw: { kind: 'exponential', meanSec: 30 },
        patience: { kind: 'exponential', meanSec: 300 },
      },
    ],
    agentGroups: [
      { id: 'support', name: 'Support', agents: 55, queues: ['support'], skills: [{ queue: 'vip', priority: 2 }], shifts: allDay(55, 0) },
      { id: 'enquiries', name: 'Enquiries', agents: 45, queues: ['enquiries'], skills: [{ queue: 'orders', priority: 2 }], shifts: allDay(45, 15) },
      { id: 'orders', name: 'Orders', agents: 45, queues: ['orders'], skills: [{ queue: 'enquiries', priority: 2 }], shifts: allDay(45, 30) },
      { id: 'telesales', name: 'Telesales', agents: 55, queues: [], campaigns: ['leads'], shifts: allDay(55, 45) },
    ],
    campaigns: [
      {
        id: 'leads',
        name: 'Leads',
        mode: 'predictive',
        records: 60000,
        dialOutcomes: { noAnswer: 0.38, busy: 0.07, answeringMachine: 0.2, wrongParty: 0.08, rightParty: 0.27 },
        answerTime: { kind: 'lognormal', meanSec: 9, cv: 0.5 },
        answeringMachineDetection: { detectionRate: 0.85 },
        talk: { kind: 'lognormal', meanSec: 150, cv: 0.8 },
        acw: { kind: 'exponential', meanSec: 30 },
        conversion: { probability: 0.12, value: { kind: 'lognormal', mean: 200, cv: 0.5 } },
        retry: { noAnswer: { delay: { kind: 'uniform', minSec: 3600, maxSec: 7200 }, maxAttempts: 3 }, busy: { delay: { kind: 'deterministic', valueSec: 1800 }, maxAttempts: 3 } },
      },
    ],
  };
}
