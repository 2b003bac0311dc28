// The customer's state and how each (current-shape) event changes it. `evolve` never changes
// the state it is given: it returns a new object. Untouched parts, such as the address object,
// are shared between the old and the new state, so copy before you keep a state somewhere.
import type { Address, CustomerEvent } from './events';

export interface Customer {
  customerId: string;
  name: string;
  address: Address | null;
  loyaltyPoints: number;
}

export function initialCustomer(): Customer {
  return { customerId: '', name: '', address: null, loyaltyPoints: 0 };
}

export function evolve(state: Customer, event: CustomerEvent): Customer {
  switch (event.type) {
    case 'CustomerRegistered':
      return { customerId: event.customerId, name: event.name, address: { ...event.address }, loyaltyPoints: 0 };
    case 'CustomerMoved':
      return { ...state, address: { ...event.address } };
    case 'CustomerRenamed':
      return { ...state, name: event.name };
    case 'LoyaltyPointsEarned':
      return { ...state, loyaltyPoints: state.loyaltyPoints + event.points };
  }
}

/** A deep copy: nothing in it is shared with `customer`. */
export function copyCustomer(customer: Customer): Customer {
  return { ...customer, address: customer.address ? { ...customer.address } : null };
}
