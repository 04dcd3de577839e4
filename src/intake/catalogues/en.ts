import type { Catalogue } from './catalogue';

export const en: Catalogue = {
  languageName: 'English',
  options: { yes: 'Yes', no: 'No', dontKnow: "Don't know", skip: 'Skip', continue: 'Continue' },
  welcome: (unit) =>
    `Hello. This is the complaint service of ${unit}, for reporting a concern about a child.\n\n` +
    'Your report is CONFIDENTIAL: only the unit\'s authorised staff can read it, and personal data is stored encrypted. ' +
    'You may report anonymously.\n\n' +
    'This is NOT an emergency line. If someone is in danger right now, call 112.\n\n' +
    'At any time you can type: cancel, back, help, status, or language.\n\n' +
    'Do you agree to continue?',
  consentShort: 'Do you agree to continue?',
  storyKept: 'Thank you, we have noted your story. Before we continue, please read this:',
  understood: (lines) => `From your story we noted:\n${lines}\nIf anything is wrong, you can change it in the summary before sending.`,
  consentDeclined: 'All right, nothing has been stored. If you want to report later, send any message here.',
  danger: 'Is the child in danger RIGHT NOW (for example being beaten, locked up, or threatened)?',
  emergency: (lines) =>
    `Call one of these emergency numbers NOW:\n${lines}\n\nYour report is in our emergency queue; we will tell you here once a worker has received it. ` +
    'Once you are safe, let us continue the report.',
  reporterRole: 'Who are you to the child?',
  reporterRoles: {
    child_self: 'I am the child',
    parent_guardian: 'Parent / guardian',
    relative: 'Relative',
    neighbour_community: 'Neighbour / community',
    teacher_school: 'Teacher / school',
    health_worker: 'Health worker',
    other: 'Other',
  },
  anonymous: 'Do you want to report anonymously (no identity and no contact)?',
  anonymousOptions: { yes: 'Yes, anonymous', no: 'No, you may contact me' },
  category: 'What happened? Choose the closest.',
  categories: {
    kekerasan_fisik: 'Physical violence',
    kekerasan_psikis: 'Psychological violence',
    kekerasan_seksual: 'Sexual violence',
    eksploitasi_ekonomi: 'Economic exploitation (forced work)',
    eksploitasi_seksual: 'Sexual exploitation',
    perdagangan_orang: 'Trafficking',
    penelantaran: 'Neglect',
    perlakuan_salah: 'Maltreatment',
    perundungan: 'Bullying',
    perkawinan_anak: 'Child marriage',
    kesehatan: 'Health',
    pendidikan: 'Education',
    kesejahteraan_sosial: 'Social welfare',
    dokumen_kependudukan: 'Birth certificate / documents',
    lainnya: 'Other',
  },
  description: 'Tell us what happened in your own words. You may also send photos, voice notes or documents.',
  descriptionAfterMedia: 'Now please also write what happened, in your own words.',
  moreMedia: 'Any other photos, voice notes or documents? Send them now, or choose Continue.',
  media: {
    received: (n) => `File received (${n}).`,
    wrongType: 'We cannot accept this kind of file. Please send a photo, voice note, video or PDF.',
    tooLarge: (mb) => `This file is too large (at most ${mb} MB).`,
    tooMany: (max) => `At most ${max} files per report.`,
    failed: 'We could not receive this file. Please send it again in a moment.',
    notHere: 'Files can be sent while describing what happened. For this question, please type your answer.',
  },
  childAge: 'How old is the child, and a boy or a girl? Type the age (for example "9 years, girl") or choose an age band.',
  ageBands: {
    '0-5': '0–5 years',
    '6-12': '6–12 years',
    '13-17': '13–17 years',
    adult: '18 or older',
    unknown: "Don't know",
  },
  adultReferral:
    'This service is for children (under 18). For an adult victim, please contact UPTD PPA / P2TP2A or SAPA 129 ' +
    '(WhatsApp 08111-129-129). If someone is in danger now, call 112. This report has not been stored. Thank you for caring.',
  adultCheck: (age) =>
    `Age ${age} means the victim is an adult. This service is for children (under 18), but your story will not be lost: ` +
    'we can pass it on to staff as a referral note. Choose one:',
  adultOptions: { refer: 'Pass it on to staff', retype: 'Typo, change the age', cancel: 'Cancel the report' },
  adultReferred:
    'All right, your story will be passed on to staff as a referral note. For adult victims you can also contact ' +
    'UPTD PPA / P2TP2A or SAPA 129 (WhatsApp 08111-129-129). If someone is in danger right now, call 112.',
  adultReferralNote: (age) => `[Referral note: the reporter says the victim is an adult (${age}); outside the child service, pass on to UPTD PPA / P2TP2A.]`,
  cancelCheck: 'Cancel this report? Your story and all your answers will be deleted.',
  cancelOptions: { cancel: 'Yes, cancel and delete', keep: 'No, continue the report' },
  childSex: "The child's sex?",
  sexes: { perempuan: 'Girl', laki_laki: 'Boy', unknown: "Don't know" },
  childName: "The child's name (a nickname is fine). If you prefer not to say, choose Skip.",
  perpetrator: 'Who did it, if you want to say?',
  perpetrators: {
    orang_tua: 'Parent',
    keluarga: 'Other family',
    pacar_teman: 'Boyfriend / girlfriend / friend',
    tetangga: 'Neighbour',
    guru: 'Teacher',
    majikan: 'Employer',
    orang_tak_dikenal: 'Stranger',
    lainnya: 'Other',
    not_said: 'Prefer not to say',
  },
  kecamatan: (district) => `In which kecamatan (sub-district) did it happen (${district})? Type its number or name.`,
  desa: 'Which desa / kelurahan (village)? If you do not know, choose Skip.',
  placeType: 'What kind of place?',
  placeTypes: {
    rumah_tangga: 'Home',
    sekolah: 'School',
    fasilitas_umum: 'Public place',
    tempat_kerja: 'Workplace',
    media_sosial_daring: 'Social media / online',
    lainnya: 'Other',
  },
  location: 'If you like, share the location (the "location" feature of your chat app). Or choose Skip.',
  when: 'When did it happen? (for example "yesterday evening", "since January")',
  ongoing: 'Is it still going on?',
  contact: 'How can our staff reach you? You may also stay anonymous.',
  contactMethods: { same_chat: 'Through this chat', other_number: 'Another phone number', none: 'Anonymous, no need to contact me' },
  contactPhone: 'Type a phone number we can call (for example 0812 3456 7890).',
  confirm: 'Please check the summary of your report. Send it now?',
  confirmOptions: { send: 'Send report', back: 'Back, change', cancel: 'Cancel', details: 'Add details (child\'s name, village, time)' },
  summary: {
    danger: 'Danger now', reporter: 'Reporter', anonymous: 'Anonymous', category: 'What happened',
    description: 'Account', media: 'Files', child: 'Child', perpetrator: 'Perpetrator', place: 'Place', when: 'When',
    ongoing: 'Still going on', contact: 'Contact', notGiven: '-', sharedLocation: 'location shared',
    age: (n) => `${n} years`,
  },
  submitted: (ticket) =>
    `Thank you. We have received your report with ticket number ${ticket}.\n\n` +
    'Keep this number. Our staff will review it; urgent reports are handled within 1 hour. ' +
    'Type "status" at any time to see how it is going.',
  submitFailed: 'Sorry, the report could not be saved yet. Nothing is lost: please try sending again in a moment.',
  unexpected: 'Sorry, something went wrong on our side. Your answers are not lost; please send again in a moment. Emergency: 112.',
  cancelled: 'The report is cancelled and all your answers have been deleted.',
  nothingToCancel: 'There is no report in progress.',
  atStart: 'This is the first question; there is nothing to go back to.',
  help:
    'This service receives complaints about children. Answer by typing the number of an option or the answer itself.\n' +
    'Words that work at any time: cancel (delete the report), back (previous question), status (my reports), ' +
    'language (change language), emergency (emergency numbers). Emergency: 112.',
  resume: 'You have an unfinished report. Continue it or start again?',
  resumeOptions: { continue: 'Continue', restart: 'Start again' },
  language: 'Pilih bahasa / Choose a language',
  hints: {
    pickOption: 'Sorry, that is not one of the options. Type its number or one of the options.',
    yesNo: 'Sorry, please answer yes or no.',
    staleButton: 'That button belongs to an earlier question. Please answer this one.',
    textNeeded: 'For this question, please type your answer.',
    tooShort: 'Please describe it in a few words.',
    phone: 'That phone number looks incomplete. Example: 0812 3456 7890.',
    location: 'Share a location with the location feature, or choose Skip.',
    age: 'Type the age in years (for example "9 years") or choose an age band.',
    storyPlease: 'Please first tell us what happened to the child, in your own words: what happened, who did it, when. A few sentences are enough.',
    unreadMovedOn: 'That is all right, let us go on. We noted "not known yet"; staff can ask later, and you can change it in the summary before sending.',
  },
  status: {
    none: 'There are no reports from this chat yet.',
    header: 'Your reports:',
    line: (ticket, state, date) => `${ticket} (${date}): ${state}`,
    states: {
      received: 'received, waiting for review',
      triaged: 'received, waiting for review',
      queued: 'received, in the staff queue',
      claimed: 'being handled by our staff',
      case_opened: 'being followed up as a case',
      referred_out: 'passed on to the responsible agency',
      merged: 'joined with another report about the same matter',
      rejected: 'closed',
    },
    startHint: 'Send any message to start a new report.',
  },
  limits: {
    rate: 'You are sending messages very fast. Please wait a moment, then send again.',
    daily: (max) => `You have sent ${max} reports today. Your answers are kept; please try again tomorrow. Emergency: 112.`,
    tooLong: (max) => `That message is too long (at most ${max} characters). Please shorten it or send it in parts.`,
    busy: 'Your previous message is still being processed. Please send again in a moment.',
    blocked: 'This service cannot take messages from this account for now. If a child is in danger, call 112, police 110, or SAPA 129.',
  },
  reminder: (hours) =>
    `Your report is not finished and will be deleted in about ${hours} hours. Reply to this message to continue.`,
};
