/**
 * Descriptors of the cloud billing providers for China-hosted models (issue 13, part 2): Alibaba
 * Cloud Model Studio through BSS OpenAPI and Volcengine Ark through the billing OpenAPI. Both sign
 * every request with an AccessKey pair: the AccessKey ID is an option (it is sent in every request,
 * like a user name), the AccessKey secret is the account's key and lives in the keychain. Sources
 * are cited on the adapters (src/main/core/providers/alibaba-bss.ts, volcengine-ark.ts).
 */
import type { ProviderDescriptor, ProviderId } from './providers'

type ChinaCloudProviderId = Extract<ProviderId, 'alibaba-bss' | 'volcengine-ark'>

/** AccessKey IDs are short ASCII tokens (Alibaba `LTAI…`, Volcengine `AKLT…`). */
const ACCESS_KEY_ID_PATTERN = '[A-Za-z0-9_=+/-]{8,128}'

/** Alibaba Cloud (BSS OpenAPI) and Volcengine (billing OpenAPI). */
export const chinaCloudDescriptors: Record<ChinaCloudProviderId, ProviderDescriptor> = {
  'alibaba-bss': {
    id: 'alibaba-bss',
    name: 'Alibaba Cloud Model Studio (account balance)',
    // The China site's endpoint; the international site's is chosen with the `site` option (alibaba-bss.ts).
    defaultBaseUrl: 'https://business.aliyuncs.com',
    key: {
      required: true,
      kind: 'admin',
      label: 'AccessKey secret',
      help: 'An AccessKey pair of a RAM user allowed bssapi:QueryAccountBalance (AliyunBSSReadOnlyAccess), created under AccessKey management. Coffer signs each request with it; it is kept in your system keychain and never sent as is.',
      createUrl: 'https://ram.console.aliyun.com/manage/ak'
    },
    options: [
      {
        key: 'accessKeyId',
        label: 'AccessKey ID',
        help: 'The ID of the same AccessKey pair (LTAI…).',
        placeholder: 'LTAI…',
        required: true,
        kind: 'text',
        pattern: ACCESS_KEY_ID_PATTERN
      },
      {
        key: 'site',
        label: 'Site',
        help: 'The China site (aliyun.com, billed in CNY) or the international one (alibabacloud.com, usually USD). Default China.',
        required: false,
        kind: 'select',
        default: 'cn',
        choices: [
          { value: 'cn', label: 'China (aliyun.com)' },
          { value: 'intl', label: 'International (alibabacloud.com)' }
        ]
      }
    ],
    billingUrl: 'https://usercenter2.aliyun.com/finance/fund-management/overview',
    publishes: { balance: true, spend: false, usage: false },
    note: 'The account’s cash balance in its own currency (CNY on the China site, USD on the international one), with the credit line apart. It is the whole Alibaba Cloud account’s balance, not Model Studio’s alone.'
  },
  'volcengine-ark': {
    id: 'volcengine-ark',
    name: 'Volcengine Ark (account balance)',
    defaultBaseUrl: 'https://open.volcengineapi.com',
    key: {
      required: true,
      kind: 'admin',
      label: 'Secret Access Key',
      help: 'An access key of a user allowed billing:QueryBalanceAcct (console → Access control → API access keys). Coffer signs each request with it; it is kept in your system keychain and never sent as is.',
      createUrl: 'https://console.volcengine.com/iam/keymanage/'
    },
    options: [
      {
        key: 'accessKeyId',
        label: 'Access Key ID',
        help: 'The ID of the same access key (AKLT…).',
        placeholder: 'AKLT…',
        required: true,
        kind: 'text',
        pattern: ACCESS_KEY_ID_PATTERN
      }
    ],
    billingUrl: 'https://console.volcengine.com/finance/',
    publishes: { balance: true, spend: false, usage: false },
    unit: 'CNY',
    note: 'The account’s cash balance in CNY, with the credit limit and any arrears apart. It is the whole Volcengine account’s balance, not Ark’s alone.'
  }
}
