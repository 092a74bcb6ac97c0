/**
 * Seed 004's mapping as an admin sets it for the Lightning stand-in's statuses (index.html) and
 * the demo console's states: the presence tests and the bench share it.
 */
export const PRESENCE_MAPPING = {
  fromOmni: [
    { status: 'Available', busy: false, mapsTo: null },
    { status: 'Break', busy: true, mapsTo: 'away' },
    { status: 'Busy', busy: true, mapsTo: null },
  ],
  toOmni: [
    { state: 'online', status: 'Available' },
    { state: 'away', status: 'Break' },
    { state: 'busy', status: 'Busy' },
  ],
};
