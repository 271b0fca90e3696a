# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Server lookup on both platforms: list by numbers and/or exact name, or find exactly one."""

from ansible_collections.ncloud.compute.plugins.module_utils.errors import NCloudError
from ansible_collections.ncloud.compute.plugins.module_utils.records import server_record, to_id, to_int


def client_region(client):
    """The region code the client's calls go to (VPC records carry only codes, so this fills them in)."""
    return client.settings.region


def id_list(numbers):
    """Numbers given as ints or strings, as the API's strings; None when not given."""
    if numbers is None:
        return None
    return [to_id(number) for number in numbers]


def list_servers(client, server_instance_nos=None, name=None):
    """Server records sorted by number, filtered by numbers and/or exact name.

    Both filters go to the server; the name is matched exactly here too, because Classic's
    ``searchFilterValue`` is a search, not an equality test.
    """
    numbers = id_list(server_instance_nos)
    if numbers == []:
        return []
    params = {}
    if numbers:
        params['serverInstanceNoList'] = numbers
    if name is not None:
        if client.platform == 'classic':
            params.update(searchFilterName='serverName', searchFilterValue=name)
        else:
            params['serverName'] = name
    region = client_region(client)
    servers = [server_record(raw, client.platform, region)
               for raw in client.list_all('getServerInstanceList', 'serverInstanceList', params)]
    servers = [server for server in servers
               if (name is None or server['server_name'] == name)
               and (not numbers or server['server_instance_no'] in numbers)]
    return sorted(servers, key=lambda server: to_int(server['server_instance_no']) or 0)


def get_server(client, server_instance_no=None, name=None):
    """Exactly one server record, by number and/or name; NCloudError when there is none or several."""
    if server_instance_no is None and name is None:
        raise NCloudError('a server number or a server name is required')
    number = to_id(server_instance_no)
    servers = list_servers(client, server_instance_nos=[number] if number else None, name=name)
    described = ' '.join(part for part in ('number %s' % number if number else '',
                                           'named %s' % name if name is not None else '') if part)
    where = 'in region %s (%s)' % (client_region(client), client.platform)
    if not servers:
        raise NCloudError('no server %s %s' % (described, where))
    if len(servers) > 1:
        raise NCloudError('%d servers %s %s: %s; give server_instance_no to pick one' % (
            len(servers), described, where, ', '.join(server['server_instance_no'] for server in servers)))
    return servers[0]
