// Pictograms for the topic tiles, drawn inline (no icon font, no requests).
// Keys are the topic "icon" names of data/topics.toml; docs/requests-frontend.md
// lists which topic uses which.
import { s } from './dom.js';

const P = {
  briefcase: ['M3 9a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z', 'M8 7V5a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2', 'M3 13h18', 'M11 13v2h2v-2'],
  certificate: ['M4 3h16v13H4z', 'M7 7h10M7 10h6', 'M16 15a3 3 0 1 0 0 6 3 3 0 0 0 0-6z', 'M14.5 20.5 14 23l2-1 2 1-.5-2.5'],
  passport: ['M6 2h12a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z', 'M12 6.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z', 'M8.5 10h7M12 6.5c-1.3 2-1.3 5 0 7M12 6.5c1.3 2 1.3 5 0 7', 'M9 17h6'],
  airplane: ['M21 16v-2l-8-5V3.5a1.5 1.5 0 0 0-3 0V9l-8 5v2l8-2.5V19l-2 1.5V22l3.5-1 3.5 1v-1.5L13 19v-5.5z'],
  speech: ['M4 4h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1h-9l-5 4v-4H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z', 'M7 8.5h10M7 12h6'],
  scales: ['M12 3v17M8 21h8M5 6h14', 'M5 6 2 13h6zM19 6l-3 7h6z', 'M2 13a3 3 0 0 0 6 0M16 13a3 3 0 0 0 6 0'],
  wrench: ['M14.7 6.3a4 4 0 0 0-5.3 5.2L3 18l3 3 6.5-6.4a4 4 0 0 0 5.2-5.3l-2.6 2.6-2.4-.6-.6-2.4z'],
  'graduation-cap': ['M2 9l10-5 10 5-10 5z', 'M6 11v5c3 2 9 2 12 0v-5', 'M22 9v6'],
  shop: ['M3 9l2-5h14l2 5', 'M3 9a3 3 0 0 0 6 0 3 3 0 0 0 6 0 3 3 0 0 0 6 0', 'M5 11.5V21h14v-9.5', 'M10 21v-5h4v5'],
  store: ['M3 9l2-5h14l2 5', 'M3 9a3 3 0 0 0 6 0 3 3 0 0 0 6 0 3 3 0 0 0 6 0', 'M5 11.5V21h14v-9.5', 'M10 21v-5h4v5'],
  shield: ['M12 2.5 4 5.5v6c0 5 3.4 8.6 8 10 4.6-1.4 8-5 8-10v-6z', 'M8.5 12l2.5 2.5 4.5-5'],
  compass: ['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M15.5 8.5l-2 5-5 2 2-5z'],
  shelter: ['M12 3a9 9 0 0 1 9 9H3a9 9 0 0 1 9-9z', 'M12 12v7a2 2 0 0 0 4 0', 'M12 1.5V3'],
  coins: ['M12 3.5c3.9 0 7 1.1 7 2.5s-3.1 2.5-7 2.5S5 7.4 5 6s3.1-2.5 7-2.5z', 'M5 6v4c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5V6', 'M5 10v4c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-4', 'M5 14v4c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-4'],
  house: ['M3 11l9-8 9 8', 'M5 9.5V21h14V9.5', 'M10 21v-6h4v6'],
  heart: ['M12 20s-8-4.7-8-10.5A4.5 4.5 0 0 1 12 6.7a4.5 4.5 0 0 1 8 2.8C20 15.3 12 20 12 20z', 'M7 12h2.5l1.5-3 2 5.5 1.5-2.5H17'],
  family: ['M6 2.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM18 2.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z', 'M3 21v-8a3 3 0 0 1 6 0v8M15 21v-8a3 3 0 0 1 6 0v8', 'M12 10.5a1.8 1.8 0 1 0 0 3.6 1.8 1.8 0 0 0 0-3.6zM10 21v-3.5a2 2 0 0 1 4 0V21'],
  equal: ['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M8 10h8M8 14h8'],
  signpost: ['M12 2v20M9 22h6', 'M12 4h7l2 2.5-2 2.5h-7', 'M12 11H5l-2 2.5L5 16h7'],
  letter: ['M3 5h18v14H3z', 'M3 6l9 7 9-7'],
  info: ['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M12 11v6M12 7.5v.5'],
};

// When a topic has no icon name the page knows, its id decides.
const BY_TOPIC = {
  work: 'briefcase', recognition: 'certificate', residence: 'passport',
  'skilled-immigration': 'airplane', language: 'speech', 'labour-rights': 'scales',
  training: 'wrench', study: 'graduation-cap', business: 'shop', asylum: 'shield',
  benefits: 'coins', housing: 'house', health: 'heart', family: 'family',
  'anti-discrimination': 'equal', arrival: 'compass', letters: 'letter',
};

/** icon returns an SVG pictogram for a topic, hidden from screen readers (the label says it). */
export function icon(topic, className = 'icon') {
  const name = P[topic.icon] ? topic.icon : BY_TOPIC[topic.id] || 'info';
  return s('svg', {
    class: className, viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false',
  }, P[name].map((d) => s('path', { d })));
}

/** ui draws one of the small interface symbols. */
export function ui(name) {
  return s('svg', { class: 'ui-icon', viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' },
    UI[name].map((d) => s('path', { d })));
}

const UI = {
  phone: ['M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z'],
  mail: ['M3 5h18v14H3z', 'M3 6l9 7 9-7'],
  web: ['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M3 12h18M12 3c-3 3.5-3 14.5 0 18M12 3c3 3.5 3 14.5 0 18'],
  route: ['M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11z', 'M12 7.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z'],
  calendar: ['M4 5h16v15H4z', 'M4 10h16M8 3v4M16 3v4'],
  star: ['M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z'],
  print: ['M6 9V3h12v6', 'M6 18H4a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h16a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-2', 'M6 14h12v7H6z'],
  share: ['M18 3a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM6 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM18 15a3 3 0 1 0 0 6 3 3 0 0 0 0-6z', 'M8.6 13.5l6.8 4M15.4 6.5l-6.8 4'],
  flag: ['M5 21V4M5 4h11l-2 4 2 4H5'],
  location: ['M12 2v3M12 19v3M2 12h3M19 12h3', 'M12 6a6 6 0 1 0 0 12 6 6 0 0 0 0-12z', 'M12 10a2 2 0 1 0 0 4 2 2 0 0 0 0-4z'],
  map: ['M3 6l6-2 6 2 6-2v14l-6 2-6-2-6 2z', 'M9 4v14M15 6v14'],
  search: ['M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13z', 'M15.5 15.5 21 21'],
  close: ['M6 6l12 12M18 6 6 18'],
};
