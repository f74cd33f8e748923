/** Free TCP ports on 127.0.0.1, chosen by the kernel (get-port binds port 0). */
import getPort from 'get-port';

/**
 * `count` distinct free ports. get-port also never hands out the same port twice within ~15 s in this process,
 * so instances booting side by side (a queue cluster) do not pick each other's ports before binding them.
 */
export async function freePorts(count: number): Promise<number[]> {
	const ports: number[] = [];
	for (let i = 0; i < count; i++) ports.push(await getPort({ host: '127.0.0.1' }));
	return ports;
}
