import { ProviderSimulator } from '../../test/simulator/provider-simulator'
import { deepseekBalance } from '../../test/simulator/shapes/deepseek'

// The provider simulator in a process of its own, as a real provider is: the bench's event loop
// then measures Coffer alone. Prints its base URL, serves until killed.
const simulator = await ProviderSimulator.start()
simulator.route('GET', '/user/balance', deepseekBalance([{ currency: 'CNY', total: '110.00', granted: '10.00', toppedUp: '100.00' }]))
console.log(simulator.baseUrl)
