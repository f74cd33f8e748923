/** Free TCP ports on 127.0.0.1, chosen by the kernel (bind to port 0). */
import { createServer, type Server } from 'node:net';

function listen(): Promise<Server> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve(server));
	});
}

/** `count` distinct free ports (all bound at once, so they differ, then released). */
export async function freePorts(count: number): Promise<number[]> {
	const servers: Server[] = [];
	try {
		for (let i = 0; i < count; i++) servers.push(await listen());
		return servers.map((server) => {
			const address = server.address();
			if (address === null || typeof address === 'string') throw new Error('unexpected server address');
			return address.port;
		});
	} finally {
		await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
	}
}
