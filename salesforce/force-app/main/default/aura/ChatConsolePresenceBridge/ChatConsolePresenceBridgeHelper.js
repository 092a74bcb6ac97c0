({
    /** The presence statuses this user may set (Apex ChatConsolePresenceStatuses), as a promise. */
    statuses: function (component) {
        return new Promise($A.getCallback(function (resolve, reject) {
            var action = component.get('c.available');
            action.setCallback(this, function (response) {
                if (response.getState() === 'SUCCESS') resolve(response.getReturnValue());
                else reject(response.getError());
            });
            $A.enqueueAction(action);
        }));
    }
})
