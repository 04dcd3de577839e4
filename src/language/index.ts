// The language layer: reporters' words as standard Indonesian, and what they mean as answers. Pure (no I/O), shared
// by the chat intake (src/intake) and triage (src/triage).

export { clauses, normalise, plainText, stems, tokens } from './normalise';
export { isRoot, stemWord } from './stem';
export { COURTESY_WORDS, isDontKnow, readYesNo, saysItIsFine, YesNoAnswerSchema, type YesNoAnswer } from './yes-no';
export { readAgeAnswer, readAgeInStory, type AgeReading } from './age';
export {
  readAnonymity, readCategory, readLanguageAnswer, readLanguageName, readPerpetrator, readPlaceType, readReporterRole, readSex,
} from './read-choices';
export { answersStillInDanger, hearsDangerNow, isOnlyAPlea } from './danger';
export { readOngoing, readStory, type StoryFacts } from './read-story';
export { inOneTurn } from './turn';
