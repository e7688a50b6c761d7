// Login area state: what the backend says about first-run setup and the profile.
import { call } from '../api';
import { createResource } from '../lib/resource';

export const setupStatus = createResource(() => call('setup.status', {}, { anonymous: true }), undefined);
