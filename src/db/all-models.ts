import type { Model } from 'mongoose';
import { AlertModel } from './models/alert.model';
import { AuditEventModel } from './models/audit-event.model';
import { CaseModel } from './models/case.model';
import { CounterModel } from './models/counter.model';
import { DataKeyCanaryModel } from './models/data-key-canary.model';
import { ExclusiveSlotModel } from './models/exclusive-slot.model';
import { OnCallShiftModel } from './models/on-call-shift.model';
import { PartnerModel } from './models/partner.model';
import { ReportMessageModel } from './models/report-message.model';
import { ReportModel } from './models/report.model';
import { SenderBlockModel } from './models/sender-block.model';
import { UserModel } from './models/user.model';

/** Every model, for whoever must see them all (doctor's index check); a new model file belongs here too. */
export const ALL_MODELS: Model<any>[] = [
  AlertModel, AuditEventModel, CaseModel, CounterModel, DataKeyCanaryModel, ExclusiveSlotModel, OnCallShiftModel,
  PartnerModel, ReportMessageModel, ReportModel, SenderBlockModel, UserModel,
];
