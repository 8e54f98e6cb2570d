import type { ProviderId } from '../../../shared/providers'
import { alibabaBssAdapter } from './alibaba-bss'
import { anthropicAdapter } from './anthropic'
import { awsBedrockAdapter } from './aws-bedrock'
import { azureOpenaiAdapter } from './azure-openai'
import { withClaudeCodeAnalytics } from './anthropic-claude-code'
import { claudeCodeAdapter } from './claude-code'
import { codexAdapter } from './codex'
import { customAdapter } from './custom'
import { deepgramAdapter } from './deepgram'
import { deepinfraAdapter } from './deepinfra'
import { deepseekAdapter } from './deepseek'
import { elevenlabsAdapter } from './elevenlabs'
import { falAdapter } from './fal'
import { fireworksAdapter } from './fireworks'
import { githubCopilotAdapter } from './github-copilot'
import { manualAdapter } from './manual'
import { moonshotCnAdapter, moonshotIntlAdapter } from './moonshot'
import { novitaAdapter } from './novita'
import { openaiAdapter } from './openai'
import { openrouterAdapter } from './openrouter'
import { poeAdapter } from './poe'
import type { ProviderAdapter } from './provider-adapter'
import { runwayAdapter } from './runway'
import { siliconflowCnAdapter, siliconflowIntlAdapter } from './siliconflow'
import { stabilityAdapter } from './stability'
import { veniceAdapter } from './venice'
import { volcengineArkAdapter } from './volcengine-ark'
import { vercelAiGatewayAdapter } from './vercel-ai-gateway'
import { xaiAdapter } from './xai'

/** Every adapter by provider id. `satisfies` makes a provider without an adapter a compile error. */
export const providerAdapters = {
  openrouter: openrouterAdapter,
  deepseek: deepseekAdapter,
  moonshot: moonshotIntlAdapter,
  'moonshot-cn': moonshotCnAdapter,
  siliconflow: siliconflowIntlAdapter,
  'siliconflow-cn': siliconflowCnAdapter,
  openai: openaiAdapter,
  // The Claude Code analytics option (issue 13), kept out of anthropic.ts: see anthropic-claude-code.ts.
  anthropic: withClaudeCodeAnalytics(anthropicAdapter),
  xai: xaiAdapter,
  novita: novitaAdapter,
  stability: stabilityAdapter,
  elevenlabs: elevenlabsAdapter,
  fireworks: fireworksAdapter,
  fal: falAdapter,
  'vercel-ai-gateway': vercelAiGatewayAdapter,
  venice: veniceAdapter,
  deepgram: deepgramAdapter,
  poe: poeAdapter,
  runway: runwayAdapter,
  deepinfra: deepinfraAdapter,
  'github-copilot': githubCopilotAdapter,
  'alibaba-bss': alibabaBssAdapter,
  'volcengine-ark': volcengineArkAdapter,
  'aws-bedrock': awsBedrockAdapter,
  'azure-openai': azureOpenaiAdapter,
  manual: manualAdapter,
  custom: customAdapter,
  'claude-code': claudeCodeAdapter,
  codex: codexAdapter
} satisfies Record<ProviderId, ProviderAdapter>
