import type { StepId } from '../draft';
import { categoryStep } from './category';
import { cancelCheckStep } from './cancel-check';
import { adultCheckStep, childAgeStep, childNameStep, childSexStep, perpetratorStep } from './child';
import { confirmStep } from './confirm';
import { consentStep } from './consent';
import { contactPhoneStep, contactStep } from './contact';
import { dangerStep } from './danger';
import { descriptionStep, moreMediaStep } from './description';
import { languageStep } from './language';
import { desaStep, kecamatanStep, locationStep, placeTypeStep } from './place';
import { anonymousStep, reporterRoleStep } from './reporter';
import { resumeStep } from './resume';
import type { Step } from './step';
import { ongoingStep, whenStep } from './when';

/** Every step by id: a step id without its step does not compile. */
export const STEPS = {
  consent: consentStep,
  danger: dangerStep,
  reporter_role: reporterRoleStep,
  anonymous: anonymousStep,
  category: categoryStep,
  description: descriptionStep,
  more_media: moreMediaStep,
  child_age: childAgeStep,
  child_sex: childSexStep,
  child_name: childNameStep,
  perpetrator: perpetratorStep,
  kecamatan: kecamatanStep,
  desa: desaStep,
  place_type: placeTypeStep,
  location: locationStep,
  when: whenStep,
  ongoing: ongoingStep,
  contact: contactStep,
  contact_phone: contactPhoneStep,
  confirm: confirmStep,
  resume: resumeStep,
  language: languageStep,
  adult_check: adultCheckStep,
  cancel_check: cancelCheckStep,
} satisfies Record<StepId, Step>;
