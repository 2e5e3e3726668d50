import type {
  MethodDefinition,
  ServiceDefinition,
  ServiceError,
  UntypedHandleCall,
  UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { notEmulatedError } from './grpc-errors.ts';

interface FailableCall {
  emit(event: 'error', error: Partial<ServiceError>): boolean;
}
type Callback = (error: Partial<ServiceError>) => void;

/** A handler that answers UNIMPLEMENTED at once, whatever the method's shape. */
export const refusedCall = (
  method: Pick<MethodDefinition<never, never>, 'path' | 'responseStream'>,
): UntypedHandleCall => {
  const error = notEmulatedError(method.path);
  if (method.responseStream) return (call: FailableCall) => call.emit('error', error);
  // Unary and client-streaming calls are answered through their callback.
  return ((_call: unknown, callback: Callback) => callback(error)) as UntypedHandleCall;
};

/** Every method of a service, refused. */
export const refusedService = (service: ServiceDefinition): UntypedServiceImplementation =>
  Object.fromEntries(Object.entries(service).map(([name, method]) => [name, refusedCall(method)]));
