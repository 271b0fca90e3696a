# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A server's readiness for imaging, and stopping / starting it with a wait for the new state."""

from ansible_collections.ncloud.compute.plugins.module_utils.errors import NCloudError
from ansible_collections.ncloud.compute.plugins.module_utils.records import code_of
from ansible_collections.ncloud.compute.plugins.module_utils.servers import get_server
from ansible_collections.ncloud.compute.plugins.module_utils.waiters import poll

RUNNING = 'RUN'
STOPPED = 'NSTOP'
# States a server does not leave by itself: waiting for them to change would only time out.
_STUCK_STATUSES = ('FSTOP', 'TERMT', 'SD_FL', 'RS_FL', 'ST_FL')
# The API's "in operation" codes: the server is busy, a later retry may work.
IN_OPERATION_CODES = ('25013', '25017')


def status_of(server):
    return code_of(server['server_instance_status'])


def operation_of(server):
    """The running operation's code, None when there is none ('NULL')."""
    operation = code_of(server['server_instance_operation'])
    return None if operation in (None, 'NULL') else operation


def describe_server(server):
    """For messages: server web (no. 123) is running (status RUN, operation NULL)."""
    return 'server %s (no. %s) is %s (status %s, operation %s)' % (
        server['server_name'], server['server_instance_no'], server['server_instance_status_name'] or 'in an unknown state',
        status_of(server), operation_of(server) or 'NULL')


def is_ready(server):
    """Running or stopped with nothing under way: the only states an image can be taken in."""
    return status_of(server) in (RUNNING, STOPPED) and operation_of(server) is None


def is_changing(server):
    """Something is under way (booting, shutting down, copying, ...) that will end by itself."""
    return status_of(server) not in _STUCK_STATUSES and not is_ready(server) and (
        operation_of(server) is not None or status_of(server) not in (RUNNING, STOPPED))


def _refetch(client, server):
    return lambda: get_server(client, server['server_instance_no'])


def _is_stuck(server):
    return not is_ready(server) and not is_changing(server)


def wait_server_ready(client, server, timeout):
    """Wait until the server is running or stopped with no operation; fail at once if it got stuck."""
    return poll(_refetch(client, server), is_ready, _is_stuck, timeout, describe_server)


def _power(client, server, action, target, timeout):
    """Send a stop or start and wait for the target status; a lost reply is resolved by looking."""
    def was_applied():
        # Applied if the server has started moving (or arrived); otherwise it certainly was not.
        current = get_server(client, server['server_instance_no'])
        return not is_ready(current) or status_of(current) == target

    client.apply_once(action, {'serverInstanceNoList': [server['server_instance_no']]}, was_applied,
                      retry_codes=IN_OPERATION_CODES)
    return poll(_refetch(client, server), lambda current: is_ready(current) and status_of(current) == target,
                _is_stuck, timeout, describe_server)


def stop_server(client, server, timeout):
    """Stop a running server and wait until it is stopped; returns the stopped server's record."""
    return _power(client, server, 'stopServerInstances', STOPPED, timeout)


def start_server(client, server, timeout):
    """Start a stopped server and wait until it runs; returns the running server's record."""
    return _power(client, server, 'startServerInstances', RUNNING, timeout)


def require_ready(client, server, wait, timeout):
    """The server, ready for imaging: waits for a change already under way when `wait`, else fails clearly."""
    if is_ready(server):
        return server
    if is_changing(server) and wait:
        return wait_server_ready(client, server, timeout)
    advice = ('wait for it to finish, or set wait: true' if is_changing(server)
              else 'an image can be taken only from a running or stopped server')
    raise NCloudError('Cannot take an image now: %s; %s' % (describe_server(server), advice))
