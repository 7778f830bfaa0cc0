// treatment-service's resources as the practitioner's pages read and write them (its OpenAPI document has them all).

import type { LocalisedNames } from '../clinic';

export type Condition = 'plantar_heel_pain' | 'achilles_tendinopathy' | 'other';
export type Side = 'left' | 'right' | 'both';
export const CONDITIONS: Condition[] = ['plantar_heel_pain', 'achilles_tendinopathy', 'other'];
export const SIDES: Side[] = ['left', 'right', 'both'];
export const RED_FLAGS = ['noImprovement', 'swellingRednessWarmth', 'cannotStandOrWalk', 'systemicDisease'] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

export interface PatientSummary { id: string; givenName: string; familyName: string; birthDate: string }
export interface BookedAppointment { id: string; practitionerId: string; start: string; end: string; status: string }
export interface PatientOverview extends PatientSummary { appointments: BookedAppointment[] }

export interface Episode {
  id: string;
  patientId: string;
  condition: Condition;
  conditionNote?: string;
  side: Side;
  symptomWeeks?: number;
  redFlags: Record<RedFlag, boolean> & { note?: string };
  redFlagPositive: boolean;
  referralDecisionRequired: boolean;
  referralDecision?: 'refer' | 'treat';
  referralReason?: string;
  status: 'open' | 'closed';
  openedAt: string;
  openedBy: string;
  version: number;
}

export type CourseStatus = 'active' | 'review_due' | 'completed' | 'switched' | 'stopped';

export interface Course {
  id: string;
  position: number;
  modality: string;
  plannedSessions: number;
  intervalDays: number;
  reviewAfterSessions: number;
  parameters?: Record<string, unknown>;
  practitionerPreference?: string;
  autoBook: boolean;
  status: CourseStatus;
  sessionsDelivered: number;
}

export interface Plan {
  id: string;
  episodeId: string;
  status: 'active' | 'review_due' | 'discharged' | 'referred' | 'discontinued';
  goals: string[];
  currentVersion: number;
  courses: Course[];
  version: number;
}

export interface PlanVersion { number: number; changedAt: string; changedBy: string; change: string }
export interface Review {
  id: string; courseId: string; decision: ReviewDecision; additionalSessions?: number; newModality?: string;
  reason: string; decidedBy: string; decidedAt: string;
}
export type ReviewDecision = 'continue' | 'switch' | 'discharge' | 'refer';
export const REVIEW_DECISIONS: ReviewDecision[] = ['continue', 'switch', 'discharge', 'refer'];

export interface Session {
  id: string;
  courseId: string;
  appointmentId?: string;
  deliveredAt: string;
  status: 'awaiting_record' | 'recorded';
  details?: Record<string, unknown>;
  adverseEvents?: Array<{ kind: string; days?: number; note?: string }>;
  notes?: string;
  firstStepPain?: number;
  recordedBy?: string;
  version: number;
}

export interface Score { scale: string; value: number; answered: number; items: number }
export interface Measurement {
  id: string; instrument: Instrument; timepoint: string; measuredOn: string; scores: Score[]; recordedBy: string;
}

export interface Timeline {
  episode: Episode;
  plan?: Plan;
  planVersions: PlanVersion[];
  reviews: Review[];
  sessions: Session[];
  outcomes: Measurement[];
}

export interface Adherence {
  courseId: string; modality: string; plannedSessions: number; booked: number; fulfilled: number; cancelled: number;
  noShows: number; adherencePercent?: number;
}

export interface Progress {
  scale: string;
  baseline?: number;
  latest?: number;
  latestTimepoint?: string;
  change?: { improvement: number; mcic?: number; mcicReached?: boolean; percentImprovement?: number };
  responder?: boolean;
}

export interface ParameterRule { type: 'integer' | 'number' | 'text' | 'list'; min?: number; max?: number; default?: unknown }
export interface Modality {
  code: string;
  name: LocalisedNames;
  defaultSessions: number;
  defaultIntervalDays: number;
  reviewAfterSessions: number;
  needsDevice: boolean;
  referral: boolean;
  parameters: Record<string, ParameterRule>;
  active: boolean;
}

export type Instrument = 'nrs_first_step_pain' | 'nrs_average_pain' | 'vas_first_step_pain' | 'vas_average_pain' | 'ffi'
  | 'faam' | 'psfs' | 'fhsq';
export const ADVERSE_EVENTS = ['soreness', 'bruising', 'bleeding', 'fatigue', 'dizziness', 'skin_reaction', 'other'] as const;
export const TIMEPOINTS = ['baseline', 'week_2', 'week_4', 'week_6', 'week_12'] as const;
