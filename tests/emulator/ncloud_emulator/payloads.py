# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncloud.compute contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""API records (today's field names and shapes) built from the emulator's servers and images."""

from .regions import CLASSIC_ZONES, classic_region

CODE_NAMES = {
    'image_status': {'INIT': 'NSI INIT state', 'CREAT': 'NSI CREATED state', 'CREFL': 'NSI CREATE FAILED state'},
    'image_operation': {'CREAT': 'NSI CREAT OP', 'NULL': 'NSI NULLOP', 'TERMT': 'NSI TERMINATE OP'},
    'server_status': {'RUN': 'Server run state', 'NSTOP': 'Server normal stopped state'},
    'server_operation': {'NULL': 'Server NULL OP', 'SHTDN': 'Server SHUTDOWN OP', 'START': 'Server START OP'},
    'platform': {'LNX32': 'Linux 32 Bit', 'LNX64': 'Linux 64 Bit', 'WND32': 'Windows 32 Bit', 'WND64': 'Windows 64 Bit',
                 'UBD64': 'Ubuntu Desktop 64 Bit', 'UBS64': 'Ubuntu Server 64 Bit'},
    'disk_type': {'NET': 'Network Storage', 'LOCAL': 'Local storage'},
    'volume_type': {'SSD': 'SSD', 'HDD': 'HDD', 'CB1': 'Common BlockStorage 1'},
    'hypervisor': {'XEN': 'XEN', 'KVM': 'KVM'},
    'image_type': {'SELF': 'Self-owned image', 'NCP': 'NCP image'},
    'os_type': {'CENTOS': 'CentOS', 'ROCKY': 'Rocky Linux', 'UBUNTU': 'Ubuntu', 'WINDOWS': 'Windows'},
}
NO_SHARING = {'code': 'NULL', 'codeName': 'NULL'}


def pair(table, code):
    """NCloud's {"code", "codeName"} pair, or None when there is no code."""
    return None if code is None else {'code': code, 'codeName': CODE_NAMES[table].get(code, code)}


def image_status_name(image):
    if image['operation'] == 'TERMT':
        return 'terminating'
    return {'INIT': 'creating', 'CREAT': 'created', 'CREFL': 'createFailed'}[image['status']]


def server_status_name(server):
    return {'SHTDN': 'shutting down', 'START': 'booting'}.get(
        server['operation'], 'running' if server['status'] == 'RUN' else 'stopped')


def block_storage_totals(image):
    """(rows, bytes): zero while the image is still being made, as the seed's example shows."""
    if image['status'] == 'INIT':
        return 0, 0
    return len(image['disks']), sum(disk['size'] for disk in image['disks'])


def member_image_fields(image, prefix):
    """The fields Classic and VPC member images share; prefix names the number/status fields."""
    rows, size = block_storage_totals(image)
    return {
        prefix + 'No': image['no'],
        'memberServerImageName': image['name'],
        'memberServerImageDescription': image['description'],
        'originalServerInstanceNo': image['origin']['server_no'],
        'originalServerImageProductCode': image['origin']['image_product_code'],
        prefix + 'Status': pair('image_status', image['status']),
        prefix + 'Operation': pair('image_operation', image['operation']),
        prefix + 'StatusName': image_status_name(image),
        'createDate': image['create_date'],
        'memberServerImageBlockStorageTotalRows': rows,
        'memberServerImageBlockStorageTotalSize': size,
        'shareStatus': NO_SHARING,
        'sharedLoginIdList': [],
    }


def classic_image(image):
    origin = image['origin']
    record = member_image_fields(image, 'memberServerImage')
    record.update({
        'originalServerProductCode': origin['product_code'],
        'originalServerName': origin['name'],
        'originalBaseBlockStorageDiskType': pair('disk_type', origin['disk_type']),
        'originalOsInformation': origin['os'],
        'originalServerImageName': origin['image_name'],
        'memberServerImagePlatformType': pair('platform', origin['platform_type']),
        'region': classic_region(image['region']),
        'zone': CLASSIC_ZONES.get(origin['zone']),
    })
    return record


def vpc_member_image(image):
    return member_image_fields(image, 'memberServerImageInstance')


def server_image(image):
    origin = image['origin']
    linux = not (origin['platform_type'] or '').startswith('WND')
    return {
        'serverImageNo': image['no'],
        'serverImageName': image['name'],
        'serverImageDescription': image['description'],
        'serverImageProductCode': origin['image_product_code'],
        'serverImageType': pair('image_type', image['owner']),
        'hypervisorType': pair('hypervisor', origin['hypervisor']),
        'cpuArchitectureType': {'code': 'X86_64', 'codeName': 'x86 64bit'},
        'osCategoryType': {'code': 'LINUX', 'codeName': 'LINUX'} if linux else {'code': 'WINDOWS', 'codeName': 'WINDOWS'},
        'osType': pair('os_type', origin['os_type']),
        'serverImageStatus': pair('image_status', image['status']),
        'serverImageOperation': pair('image_operation', image['operation']),
        'serverImageStatusName': image_status_name(image),
        'createDate': image['create_date'],
        'shareStatus': NO_SHARING,
        'sharedLoginIdList': [],
        'blockStorageMappingList': [block_storage_mapping(image, disk) for disk in image['disks']],
        'platformCategoryCode': 'OS',
    }


def block_storage_mapping(image, disk):
    return {
        'order': disk['order'],
        'blockStorageSnapshotInstanceNo': '%s%02d' % (image['no'], disk['order']),
        'blockStorageSnapshotName': '%s-snapshot-%d' % (image['name'], disk['order']),
        'blockStorageSize': disk['size'],
        'blockStorageName': disk['name'],
        'blockStorageVolumeType': pair('volume_type', disk['volume_type']),
        'iops': 3000,
        'throughput': 125,
        'isEncryptedVolume': False,
    }


def server_fields(server):
    """The fields Classic and VPC servers share."""
    return {
        'serverInstanceNo': server['no'],
        'serverName': server['name'],
        'serverDescription': '',
        'cpuCount': server['cpu_count'],
        'memorySize': server['memory_size'],
        'platformType': pair('platform', server['platform_type']),
        'loginKeyName': 'emulator-key',
        'serverInstanceStatus': pair('server_status', server['status']),
        'serverInstanceOperation': pair('server_operation', server['operation']),
        'serverInstanceStatusName': server_status_name(server),
        'createDate': server['create_date'],
        'uptime': server['create_date'],
        'serverImageProductCode': server['image_product_code'],
        'serverProductCode': server['product_code'],
        'isProtectServerTermination': False,
        'baseBlockStorageDiskType': pair('disk_type', server['disk_type']),
        'baseBlockStorageDiskDetailType': {'code': 'SSD', 'codeName': 'SSD'},
    }


def classic_server(server):
    record = server_fields(server)
    record.update({
        'privateIp': server['private_ip'],
        'publicIp': '',
        'serverImageName': server['image_name'],
        'baseBlockStorageSize': server['disks'][0]['size'],
        'region': classic_region(server['region']),
        'zone': CLASSIC_ZONES.get(server['zone']),
        'serverInstanceType': {'code': 'STAND', 'codeName': 'Standard'},
        'internetLineType': {'code': 'PUBLC', 'codeName': 'PUBLC'},
    })
    return record


def vpc_server(server):
    record = server_fields(server)
    record.update({
        'regionCode': server['region'],
        'zoneCode': server['zone'],
        'vpcNo': '71234',
        'subnetNo': '152345',
        'networkInterfaceNoList': [str(int(server['no']) + 7000000)],
        'hypervisorType': pair('hypervisor', server['hypervisor']),
        'serverImageNo': server['server_image_no'],
        'serverSpecCode': server['spec_code'],
    })
    return record


IMAGE_PAYLOADS = {'classic_member': classic_image, 'vpc_member': vpc_member_image, 'vpc_server': server_image}
