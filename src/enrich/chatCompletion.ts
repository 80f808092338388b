/** Where the maintainer's model is: an OpenAI-compatible chat endpoint (a local Ollama's `/v1`, LM Studio, llama.cpp's server). */
export interface LlmEndpoint {
  /** Base URL, the part before `/chat/completions` (`http://127.0.0.1:11434/v1`). */
  baseUrl: string;
  model: string;
  /** Sent as a bearer token when set; never printed. */
  apiKey?: string;
  /** Longest wait for one reply; local models can be slow. Default 120 s. */
  timeoutMs?: number;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Why the endpoint gave no usable reply, for a person: the URL and status, never the key. */
export class LlmError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LlmError';
  }
}

/** The endpoint from `LLM_BASE_URL`, `LLM_MODEL` and the optional `LLM_API_KEY`; throws naming what is missing or wrong. */
export function llmEndpointFromEnv(env: NodeJS.ProcessEnv = process.env): LlmEndpoint {
  const baseUrl = env.LLM_BASE_URL?.trim();
  const model = env.LLM_MODEL?.trim();
  const missing = [
    !baseUrl && 'LLM_BASE_URL (e.g. http://127.0.0.1:11434/v1 for a local Ollama)',
    !model && 'LLM_MODEL (e.g. llama3)',
  ];
  if (!baseUrl || !model) throw new LlmError(`set ${missing.filter(Boolean).join(' and ')} in .env`);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new LlmError(`LLM_BASE_URL must be a URL such as http://127.0.0.1:11434/v1, got "${baseUrl}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new LlmError('LLM_BASE_URL must be an http or https URL');
  return { baseUrl: baseUrl.replace(/\/+$/, ''), model, apiKey: env.LLM_API_KEY?.trim() || undefined };
}

/**
 * Asks the endpoint for one chat completion and returns the reply's text. Retries once after a network
 * error or a 5xx, and waits out a 429 (at most 30 s). Throws an `LlmError` saying what went wrong.
 */
export async function chatCompletion(
  endpoint: LlmEndpoint,
  messages: ChatMessage[],
  options: { json?: boolean } = {},
): Promise<string> {
  const url = `${endpoint.baseUrl}/chat/completions`;
  const body = JSON.stringify({
    model: endpoint.model,
    messages,
    temperature: 0.7,
    stream: false,
    ...(options.json && { response_format: { type: 'json_object' } }),
  });
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (endpoint.apiKey) headers.Authorization = `Bearer ${endpoint.apiKey}`;

  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(endpoint.timeoutMs ?? 120_000),
      });
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError' ? 'no reply in time' : causeOf(error);
      if (attempt < 2 && reason !== 'no reply in time') continue;
      throw new LlmError(`${url}: ${reason}`);
    }
    if (response.status === 429 && attempt < 3) {
      const wait = Math.min(30, Number(response.headers.get('retry-after')) || 2);
      await response.body?.cancel();
      await new Promise((r) => setTimeout(r, wait * 1000));
      continue;
    }
    if (response.status >= 500 && attempt < 2) {
      await response.body?.cancel();
      continue;
    }
    const text = await response.text();
    if (!response.ok) throw new LlmError(`${url}: HTTP ${response.status}${detailOf(text)}`);
    let reply: unknown;
    try {
      reply = JSON.parse(text);
    } catch {
      throw new LlmError(
        `${url}: the reply is not JSON (is LLM_BASE_URL the /v1 base of an OpenAI-compatible API?)`,
      );
    }
    const content = (reply as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message
      ?.content;
    if (typeof content !== 'string')
      throw new LlmError(`${url}: the reply has no choices[0].message.content`);
    return content;
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused (is the model server running?)';
  if (cause?.code === 'ENOTFOUND') return 'host not found';
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}

function detailOf(text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: string } | string }).error;
    const detail = typeof message === 'string' ? message : message?.message;
    return detail ? `: ${detail.slice(0, 200)}` : '';
  } catch {
    return text.trim() ? `: ${text.trim().slice(0, 200)}` : '';
  }
}
