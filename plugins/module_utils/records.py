# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pure record builders: one NCloud API payload item in, one snake_case record out.

Image records follow the seed SDK's ``findPrivateImages`` shape (its camelCase names in snake_case)
whatever API the image came from, so playbooks do not care which API owns an image; ``image_api``
says which one does (``classic_member``, ``vpc_member``, ``vpc_server``) so deletes and polls go there.

Conventions: every key is always present, ``None`` where the API does not say; ids are strings
(the 2017 API sent numbers); sizes and counts are ints; code/name pairs are ``{code, code_name}``.
"""

IMAGE_API_CLASSIC_MEMBER = 'classic_member'
IMAGE_API_VPC_MEMBER = 'vpc_member'
IMAGE_API_VPC_SERVER = 'vpc_server'

IMAGE_STATUS_NAMES = ('creating', 'created', 'failed', 'terminating')

# The API's status names, normalised so filters have one word per state ('createFailed' -> 'failed').
_STATUS_NAME_ALIASES = {'creating': 'creating', 'created': 'created', 'createfailed': 'failed',
                        'failed': 'failed', 'terminating': 'terminating'}


def to_id(value):
    """An id as a string (the 2017 API sent numbers); None stays None."""
    if value is None or value == '':
        return None
    return str(value)


def to_int(value):
    """A size or count as an int (some payloads send numeric strings); None where absent or not a number."""
    if value is None or value == '':
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def code_pair(value):
    """``{'code', 'code_name'}`` from the API's ``{code, codeName}``; a bare string becomes the code."""
    if value is None:
        return None
    if isinstance(value, dict):
        return {'code': value.get('code'), 'code_name': value.get('codeName')}
    return {'code': str(value), 'code_name': None}


def code_of(value):
    """Just the code of a code pair (or of a bare string); None when absent."""
    pair = code_pair(value)
    return pair['code'] if pair else None


def region_record(raw_region=None, region_code=None):
    """``{region_no, region_code, region_name}`` from a Classic region object, or from a VPC region code."""
    raw_region = raw_region or {}
    code = raw_region.get('regionCode') or region_code
    if not raw_region and code is None:
        return None
    return {'region_no': to_id(raw_region.get('regionNo')), 'region_code': code,
            'region_name': raw_region.get('regionName')}


def zone_record(raw_zone=None, zone_code=None):
    """``{zone_no, zone_code, zone_name, zone_description}`` from a Classic zone object or a VPC zone code."""
    raw_zone = raw_zone or {}
    code = raw_zone.get('zoneCode') or zone_code
    if not raw_zone and code is None:
        return None
    return {'zone_no': to_id(raw_zone.get('zoneNo')), 'zone_code': code,
            'zone_name': raw_zone.get('zoneName'), 'zone_description': raw_zone.get('zoneDescription')}


def normalise_status_name(status_name, status=None, operation=None):
    """One of creating/created/failed/terminating where it can be told, else the API's own name.

    The API's name wins when it is one of ours ('createFailed' maps to 'failed'); without a usable
    name the status and operation codes decide (INIT: creating, CREFL: failed, CREAT+TERMT: terminating).
    """
    alias = _STATUS_NAME_ALIASES.get(str(status_name or '').replace(' ', '').lower())
    if alias:
        return alias
    status_code, operation_code = code_of(status), code_of(operation)
    if status_code == 'INIT':
        return 'creating'
    if status_code == 'CREFL':
        return 'failed'
    if status_code == 'CREAT':
        return 'terminating' if operation_code == 'TERMT' else 'created'
    return status_name or None


def _shared_login_ids(raw):
    return [str(login_id) for login_id in raw.get('sharedLoginIdList') or []]


def _image_record(**fields):
    """The full image record: every key present, the given ones filled."""
    record = dict.fromkeys((
        'private_image_no', 'private_image_name', 'private_image_description', 'original_server_instance_no',
        'original_vm_flavor_id', 'original_server_name', 'original_base_block_storage_disk_type',
        'original_vm_image_id', 'original_os_information', 'original_server_image_name',
        'private_image_status_name', 'private_image_status', 'private_image_operation',
        'private_image_platform_type', 'create_date', 'region', 'zone',
        'private_image_block_storage_total_rows', 'private_image_block_storage_total_size',
        'platform', 'hypervisor_type', 'share_status', 'shared_login_ids', 'block_storage_mappings', 'image_api'))
    record['block_storage_mappings'] = []
    record.update(fields)
    return record


def _member_image_fields(raw):
    """Fields the Classic and VPC member image APIs name alike."""
    return {
        'private_image_name': raw.get('memberServerImageName'),
        'private_image_description': raw.get('memberServerImageDescription'),
        'original_server_instance_no': to_id(raw.get('originalServerInstanceNo')),
        'original_vm_image_id': raw.get('originalServerImageProductCode'),
        'create_date': raw.get('createDate'),
        'private_image_block_storage_total_rows': to_int(raw.get('memberServerImageBlockStorageTotalRows')),
        'private_image_block_storage_total_size': to_int(raw.get('memberServerImageBlockStorageTotalSize')),
        'share_status': code_pair(raw.get('shareStatus')),
        'shared_login_ids': _shared_login_ids(raw),
        # Member image actions do not support KVM servers, so every member image is XEN.
        'hypervisor_type': 'XEN',
    }


def classic_image_record(raw):
    """A record from one ``getMemberServerImageList`` item (Classic, ``/server/v2/``)."""
    status, operation = raw.get('memberServerImageStatus'), raw.get('memberServerImageOperation')
    return _image_record(
        private_image_no=to_id(raw.get('memberServerImageNo')),
        original_vm_flavor_id=raw.get('originalServerProductCode'),
        original_server_name=raw.get('originalServerName'),
        original_base_block_storage_disk_type=code_pair(raw.get('originalBaseBlockStorageDiskType')),
        original_os_information=raw.get('originalOsInformation'),
        original_server_image_name=raw.get('originalServerImageName'),
        private_image_status_name=normalise_status_name(raw.get('memberServerImageStatusName'), status, operation),
        private_image_status=code_pair(status),
        private_image_operation=code_pair(operation),
        private_image_platform_type=code_pair(raw.get('memberServerImagePlatformType')),
        region=region_record(raw.get('region')),
        zone=zone_record(raw.get('zone')),
        platform='classic',
        image_api=IMAGE_API_CLASSIC_MEMBER,
        **_member_image_fields(raw))


def vpc_member_image_record(raw, region_code):
    """A record from one ``getMemberServerImageInstanceList`` item (VPC, XEN); ``region_code`` of the call.

    This API names no original server name, OS, platform type or zone: those stay None.
    """
    status = raw.get('memberServerImageInstanceStatus')
    operation = raw.get('memberServerImageInstanceOperation')
    return _image_record(
        private_image_no=to_id(raw.get('memberServerImageInstanceNo')),
        private_image_status_name=normalise_status_name(raw.get('memberServerImageInstanceStatusName'), status, operation),
        private_image_status=code_pair(status),
        private_image_operation=code_pair(operation),
        region=region_record(region_code=region_code),
        platform='vpc',
        image_api=IMAGE_API_VPC_MEMBER,
        **_member_image_fields(raw))


def block_storage_mapping_record(raw):
    """One ``blockStorageMappingList`` item of a server image (order 0 is the boot disk)."""
    return {
        'order': to_int(raw.get('order')),
        'block_storage_snapshot_instance_no': to_id(raw.get('blockStorageSnapshotInstanceNo')),
        'block_storage_snapshot_name': raw.get('blockStorageSnapshotName'),
        'block_storage_size': to_int(raw.get('blockStorageSize')),
        'block_storage_name': raw.get('blockStorageName'),
        'block_storage_volume_type': code_pair(raw.get('blockStorageVolumeType')),
        'iops': to_int(raw.get('iops')),
        'throughput': to_int(raw.get('throughput')),
        'is_encrypted_volume': raw.get('isEncryptedVolume'),
    }


def server_image_record(raw, region_code):
    """A record from one ``getServerImageList`` item (VPC server image, KVM or XEN); ``region_code`` of the call.

    The block storage totals are counted from ``blockStorageMappingList`` (rows, and the sum of sizes
    in bytes) since this API has no totals of its own. It names no original server or zone; an
    ``originalServerInstanceNo`` is read when a payload carries one.
    """
    status, operation = raw.get('serverImageStatus'), raw.get('serverImageOperation')
    mappings = [block_storage_mapping_record(item) for item in raw.get('blockStorageMappingList') or []]
    sizes = [mapping['block_storage_size'] for mapping in mappings]
    has_mappings = 'blockStorageMappingList' in raw
    return _image_record(
        private_image_no=to_id(raw.get('serverImageNo')),
        private_image_name=raw.get('serverImageName'),
        private_image_description=raw.get('serverImageDescription'),
        original_server_instance_no=to_id(raw.get('originalServerInstanceNo')),
        private_image_status_name=normalise_status_name(raw.get('serverImageStatusName'), status, operation),
        private_image_status=code_pair(status),
        private_image_operation=code_pair(operation),
        create_date=raw.get('createDate'),
        region=region_record(region_code=region_code),
        private_image_block_storage_total_rows=len(mappings) if has_mappings else None,
        private_image_block_storage_total_size=sum(sizes) if has_mappings and None not in sizes else None,
        platform='vpc',
        hypervisor_type=code_of(raw.get('hypervisorType')),
        share_status=code_pair(raw.get('shareStatus')),
        shared_login_ids=_shared_login_ids(raw),
        block_storage_mappings=mappings,
        image_api=IMAGE_API_VPC_SERVER)


def server_record(raw, platform, region_code=None):
    """A record from one ``getServerInstanceList`` item; ``platform`` is 'vpc' or 'classic'.

    Classic sends region and zone objects, VPC only their codes (``region_code`` of the call fills in).
    """
    return {
        'server_instance_no': to_id(raw.get('serverInstanceNo')),
        'server_name': raw.get('serverName'),
        'server_instance_status': code_pair(raw.get('serverInstanceStatus')),
        'server_instance_operation': code_pair(raw.get('serverInstanceOperation')),
        'server_instance_status_name': raw.get('serverInstanceStatusName'),
        'platform': platform,
        'hypervisor_type': code_of(raw.get('hypervisorType')),
        'platform_type': code_pair(raw.get('platformType')),
        'region': region_record(raw.get('region'), raw.get('regionCode') or region_code),
        'zone': zone_record(raw.get('zone'), raw.get('zoneCode')),
        'create_date': raw.get('createDate'),
        'server_image_product_code': raw.get('serverImageProductCode'),
        'server_product_code': raw.get('serverProductCode'),
    }
