import { ADMIN_ROLE_BIT, coreTables, hashPassword, type Kernel, SYSTEM_ROLES, uuidv7 } from '@mutua/kernel';
import { locationService } from '@mutua/location';
import { sql } from 'drizzle-orm';

/** Demo logins (demo data only; printed at start and listed in the README). */
export const DEMO_USERS: ReadonlyArray<{
  username: string;
  password: string;
  role: number;
  district?: string;
  /** The health facility a facility user works at (a claim administrator enters and sees its claims only). */
  facility?: string;
  note: string;
}> = [
  { username: 'admin', password: 'admin123', role: ADMIN_ROLE_BIT, note: 'IMIS Administrator (every right)' },
  { username: 'eo', password: 'demo123', role: 1, district: 'R1D1', note: 'Enrolment Officer, district R1D1 only' },
  { username: 'manager', password: 'demo123', role: 2, note: 'Manager' },
  { username: 'accountant', password: 'demo123', role: 4, note: 'Accountant' },
  { username: 'clerk', password: 'demo123', role: 8, district: 'R1D1', note: 'Clerk, district R1D1 only' },
  { username: 'medofficer', password: 'demo123', role: 16, note: 'Medical Officer' },
  { username: 'schemeadmin', password: 'demo123', role: 32, note: 'Scheme Administrator (national)' },
  {
    username: 'schemeadmin.d2',
    password: 'demo123',
    role: 32,
    district: 'R1D2',
    note: 'Scheme Administrator, district R1D2 only',
  },
  { username: 'receptionist', password: 'demo123', role: 128, note: 'Receptionist' },
  {
    username: 'claimadmin',
    password: 'demo123',
    role: 256,
    facility: 'HF1101',
    note: 'Claim Administrator of health facility HF1101 only',
  },
  { username: 'claimcontrib', password: 'demo123', role: 512, note: 'Claim Contributor' },
  { username: 'hfadmin', password: 'demo123', role: 524288, note: 'HF Administrator' },
  { username: 'offlineadmin', password: 'demo123', role: 1048576, note: 'Offline Administrator' },
];

export async function hasUsers(k: Kernel): Promise<boolean> {
  const [row] = await k.database.db.select({ n: sql<number>`count(*)::int` }).from(coreTables.appUser);
  return (row?.n ?? 0) > 0;
}

/** Seeds the demo country: each module's demo data in dependency order, then one user per system role. */
export async function seedDemo(k: Kernel, log: (msg: string) => void = () => {}): Promise<void> {
  const ctx = k.systemCtx();
  for (const m of k.modules) {
    if (m.def.seedDemo) {
      log(`seeding demo data: ${m.id}`);
      await m.def.seedDemo(ctx, m.service);
    }
  }
  const location = k.service(locationService);
  for (const u of DEMO_USERS) {
    const role = SYSTEM_ROLES.find((r) => r.isSystem === u.role)!;
    const id = uuidv7();
    const facility = u.facility && location ? await location.findHealthFacilityByCode(ctx, u.facility) : null;
    await k.database.db.insert(coreTables.appUser).values({
      id,
      username: u.username,
      lastName: role.name,
      otherNames: 'Demo',
      language: 'en',
      healthFacilityId: facility?.id ?? null,
      // Demo passwords are simple on purpose and do not follow the policy; real users' passwords do.
      passwordHash: await hashPassword(u.password),
    });
    await k.database.db
      .insert(coreTables.userRole)
      .values({ userId: id, roleId: await k.roles.systemRoleId(ctx, u.role) });
    if (u.district && location) {
      const district = await location.findByCode(ctx, u.district);
      if (district) await k.database.db.insert(coreTables.userDistrict).values({ userId: id, locationId: district.id });
    }
  }
}

/** On a real database without demo data: the first administrator, with the password given in the environment. */
export async function createFirstAdmin(k: Kernel, password: string): Promise<void> {
  const ctx = k.systemCtx();
  const id = uuidv7();
  await k.database.db.insert(coreTables.appUser).values({
    id,
    username: 'admin',
    lastName: 'Administrator',
    otherNames: 'Mutua',
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
  });
  await k.database.db
    .insert(coreTables.userRole)
    .values({ userId: id, roleId: await k.roles.systemRoleId(ctx, ADMIN_ROLE_BIT) });
}
