/*
 * A stand-in for Omni-Channel in the Lightning console, following the documented
 * lightning:omniToolkitAPI: promises, a status not granted refused, and the component's events
 * (statusChanged with its `reason`, logout, workAccepted) delivered to the bridge as Aura would.
 * Used by the unit test of the bridge and by the e2e page that stands in for the console.
 */
(function (root) {
  'use strict';
  function createFakeOmni(statuses, events) {
    var current = null; // logged out
    var calls = [];
    function byId(id) { return statuses.filter(function (s) { return s.id === id || s.id.slice(0, 15) === String(id).slice(0, 15); })[0]; }
    function result(s) { return { statusId: s.id, statusName: s.label, statusApiName: s.apiName, channels: '[]' }; }
    function change(s, reason) {
      current = s;
      if (s) events.statusChanged({ statusId: s.id, statusName: s.label, statusApiName: s.apiName, channels: '[]', reason: reason });
      else events.loggedOut();
    }
    var toolkit = {
      getServicePresenceStatusId: function () {
        calls.push(['getServicePresenceStatusId']);
        return current ? Promise.resolve(result(current)) : Promise.reject(new Error('Agent is not logged in to Omni-Channel'));
      },
      setServicePresenceStatus: function (args) {
        calls.push(['setServicePresenceStatus', args.statusId]);
        var s = byId(args.statusId);
        if (!s || s.granted === false) return Promise.reject(new Error('Invalid status ID or the user does not have access to this status: ' + args.statusId));
        return new Promise(function (resolve) {
          setTimeout(function () {
            if (current !== s) change(s, 'OmniToolkitStatusChange');
            resolve(result(s));
          }, 5);
        });
      },
      login: function (args) { return toolkit.setServicePresenceStatus(args); },
      logout: function () {
        calls.push(['logout']);
        return new Promise(function (resolve) { setTimeout(function () { if (current) change(null); resolve(true); }, 5); });
      },
    };
    return {
      toolkit: toolkit,
      calls: calls,
      current: function () { return current && current.apiName; },
      /** The agent picks a status in the Omni widget. */
      pick: function (apiName) {
        var s = statuses.filter(function (x) { return x.apiName === apiName; })[0];
        if (s !== current) change(s, 'OmniManualStatusChange');
      },
      /** The agent logs out of the Omni widget. */
      logoutByHand: function () { if (current) change(null); },
      /** Omni routes work and the agent accepts it. */
      acceptWork: function () { events.workAccepted({ workItemId: '500000000000001', workId: '0Bz000000000001' }); },
      granted: function () { return statuses.filter(function (s) { return s.granted !== false; }).map(function (s) { return { id: s.id, apiName: s.apiName, label: s.label }; }); },
    };
  }
  root.createFakeOmni = createFakeOmni;
})(typeof window !== 'undefined' ? window : this);
