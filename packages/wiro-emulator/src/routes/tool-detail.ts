import { WiroErrorCode } from 'wiro-core';
import type { ParsedBody } from '../body.js';
import { findModel } from '../model-catalog.js';
import { errorReply, okReply, type RouteReply } from '../reply.js';

/** `POST /Tool/Detail` with `{slugowner, slugproject}`: the model and its parameters. */
export function handleToolDetail(body: ParsedBody): RouteReply {
  const owner = String(body.fields.slugowner ?? '');
  const project = String(body.fields.slugproject ?? '');
  const model = findModel(owner, project);
  if (!model) return errorReply(WiroErrorCode.NotFound, `Tool ${owner}/${project} was not found.`);
  return okReply({
    tool: [
      {
        slugowner: model.owner,
        slugproject: model.project,
        title: model.title,
        description: model.description,
        parameters: model.parameters.map((parameter) => ({ ...parameter })),
      },
    ],
  });
}
